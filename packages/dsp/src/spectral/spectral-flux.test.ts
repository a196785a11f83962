import { from, lastValueFrom, map, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { f32, loadGolden, maxRelativeError, randomChunks, runOperator, wholeChunk } from '../../test/helpers.js';
import type { Frame, SampleChunk } from '../chunk.js';
import { ParameterError } from '../errors.js';
import { createFftPlan, powerSpectrum } from '../fft.js';
import { frames } from '../operators/frames.js';
import { createWindowPlan, applyWindow } from '../window.js';
import { spectralFlux } from './operators/spectral-flux.js';
import { createSpectralFluxPlan, SpectralFlux } from './spectral-flux.js';

interface GoldenCase {
  name: string;
  options: { fftSize: number; input?: 'power' | 'magnitude'; fluxNormalize?: boolean };
  names: string[];
  spectra: number[][];
  expected: number[][];
}

const golden = loadGolden<{ cases: GoldenCase[] }>('spectral').cases.filter((c) => c.names.includes('flux'));

describe('spectral flux', () => {
  it.each(golden.map((c) => [c.name, c] as const))('matches the numpy reference frame by frame: %s', (_name, c) => {
    const plan = createSpectralFluxPlan({ fftSize: c.options.fftSize, input: c.options.input, normalize: c.options.fluxNormalize });
    const flux = new SpectralFlux(plan);
    const column = c.names.indexOf('flux');
    const got = c.spectra.map((s) => flux.process(f32(s)));
    expect(got[0]).toBe(0); // no predecessor
    expect(maxRelativeError(c.expected.map((e) => e[column]!), got, 1e-9)).toBeLessThan(1e-10);
    flux.reset();
    expect(flux.process(f32(c.spectra[2]!))).toBe(0);
    expect(flux.process(f32(c.spectra[3]!))).toBeCloseTo(c.expected[3]![column]!, 9);
  });

  it('rectifies: only rising magnitudes count', () => {
    const flux = new SpectralFlux(createSpectralFluxPlan({ fftSize: 4, input: 'magnitude' }));
    flux.process(f32([1, 5, 1]));
    expect(flux.process(f32([4, 1, 5]))).toBeCloseTo(5, 12); // rises 3 and 4; the fall of 4 is ignored
    expect(flux.process(f32([0, 0, 0]))).toBe(0);
  });

  it('is level-invariant when normalised', () => {
    const flux = new SpectralFlux(createSpectralFluxPlan({ fftSize: 4, input: 'magnitude', normalize: true }));
    flux.process(f32([1, 0, 0]));
    expect(flux.process(f32([0, 0, 1000]))).toBeCloseTo(1, 12);
    expect(flux.process(f32([0, 0, 0.001]))).toBeCloseTo(0, 12);
  });

  it('gives the same flux for any chunking of the signal (streaming equals batch)', async () => {
    const n = 256;
    const fft = createFftPlan({ size: n });
    const window = createWindowPlan({ length: n });
    const toPower = map((frame: Frame): Frame => {
      const windowed = new Float32Array(n);
      applyWindow(window, frame.data, windowed);
      const power = new Float32Array(fft.bins);
      powerSpectrum(fft, windowed, power);
      return { ...frame, data: power };
    });
    const signal = new Float32Array(6000).map((_, i) => Math.sin(0.01 * i * (1 + i / 3000)) + (i % 1500 < 40 ? 0.8 : 0));
    const run = (chunks: SampleChunk[]): Promise<Frame[]> =>
      runOperator(chunks, (src) => src.pipe(frames({ length: n, hop: 128 }), toPower, spectralFlux({ fftSize: n })));
    const batch = await run([wholeChunk(signal, 8000)]);
    expect(batch.length).toBe(45);
    expect(batch.some((f) => f.data[0]! > 1)).toBe(true);
    for (const seed of [1, 2, 3, 4]) {
      const streamed = await run(randomChunks(signal, 8000, 1, seed, 500));
      expect(streamed.map((f) => f.index)).toEqual(batch.map((f) => f.index));
      expect(streamed.map((f) => f.data[0])).toEqual(batch.map((f) => f.data[0]));
    }
  });

  it('keeps flux state per subscription', async () => {
    const op = spectralFlux({ fftSize: 4, input: 'magnitude' });
    // Shared state would give the second run's first frame a flux of 2 against the first run's last.
    const input = [f32([0, 2, 0]), f32([0, 0, 0])].map((data, i): Frame => ({ data, index: i, sampleRate: 1, channels: 1 }));
    const first = await lastValueFrom(from(input).pipe(op, toArray()));
    const second = await lastValueFrom(from(input).pipe(op, toArray()));
    expect(first.map((f) => f.data[0])).toEqual([0, 0]);
    expect(second.map((f) => f.data[0])).toEqual([0, 0]);
  });

  it('turns a NaN spectrum into an error notification', async () => {
    const data = f32([0, NaN, 0]);
    await expect(lastValueFrom(from([{ data, index: 9, sampleRate: 1, channels: 1 }]).pipe(spectralFlux({ fftSize: 4 })))).rejects.toThrow(
      /spectralFlux: bin 1 of the spectrum of the frame at sample 9 is NaN/,
    );
  });

  it('rejects bad options naming the argument', () => {
    expect(() => createSpectralFluxPlan({ fftSize: 100 })).toThrow(/spectralFlux: fftSize = 100; expected a power of two in 2\.\.65536/);
    expect(() => createSpectralFluxPlan({ fftSize: 64, normalize: 1 as unknown as boolean })).toThrow(ParameterError);
    expect(() => createSpectralFluxPlan({ fftSize: 64, input: 'complex' as 'power' })).toThrow(/input = "complex"; expected one of "power", "magnitude"/);
  });
});
