import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { f32, loadGolden, maxRelativeError, snrDb } from '../../test/helpers.js';
import type { Frame } from '../chunk.js';
import { ParameterError } from '../errors.js';
import { computeEnvelopeSpectrum, createEnvelopeSpectrumPlan } from './envelope-spectrum.js';
import { analyticSignal, computeEnvelope, createHilbertPlan } from './hilbert.js';
import { envelope } from './operators/envelope.js';
import { envelopeSpectrum, type EnvelopeSpectrumFrame } from './operators/envelope-spectrum.js';
import type { WindowType } from '../window.js';

interface GoldenHilbert {
  length: number;
  input: number[];
  re: number[];
  im: number[];
  envelope: number[];
}
interface GoldenSpectrum {
  length: number;
  sampleRate: number;
  fftSize: number;
  window: WindowType;
  scaling: 'amplitude' | 'magnitude';
  input: number[];
  spectrum: number[];
  frequencies: number[];
}

const golden = loadGolden<{ hilbert: GoldenHilbert[]; spectra: GoldenSpectrum[] }>('envelope');
const frameOf = (data: Float32Array, index = 0, sampleRate = 2000): Frame => ({ data, index, sampleRate, channels: 1 });
const collect = <T>(frames: Frame[], op: (s: ReturnType<typeof from<Frame[]>>) => import('rxjs').Observable<T>): Promise<T[]> =>
  lastValueFrom(op(from(frames)).pipe(toArray()));

describe('hilbert / envelope', () => {
  it.each(golden.hilbert.map((g) => [g.length, g] as const))('matches scipy.signal.hilbert at exact length %i', (_n, g) => {
    const plan = createHilbertPlan({ length: g.length });
    expect(plan.method).toBe((g.length & (g.length - 1)) === 0 ? 'radix2' : 'bluestein');
    const z = new Float32Array(2 * g.length + 3).fill(7);
    analyticSignal(plan, f32(g.input), z);
    const ref = g.re.flatMap((re, i) => [re, g.im[i]!]);
    // Transforms run in double precision (Bluestein included); only the float32 output rounding remains.
    expect(snrDb(ref, z.subarray(0, 2 * g.length))).toBeGreaterThan(130);
    expect(Array.from(z.subarray(2 * g.length))).toEqual([7, 7, 7]);
    const env = new Float32Array(g.length);
    computeEnvelope(plan, f32(g.input), env);
    expect(maxRelativeError(g.envelope, env, 1e-3)).toBeLessThan(1e-6);
  });

  it('keeps the input real part and is reusable frame after frame', () => {
    const g = golden.hilbert.find((h) => h.length === 999)!;
    const plan = createHilbertPlan({ length: 999 });
    const a = new Float32Array(2 * 999);
    const b = new Float32Array(2 * 999);
    analyticSignal(plan, f32(g.input), a);
    analyticSignal(plan, new Float32Array(999).fill(3), b); // dirty the scratch with another frame
    analyticSignal(plan, f32(g.input), b);
    expect(b).toEqual(a);
    expect(maxRelativeError(g.input, a.filter((_, i) => i % 2 === 0), 1e-3)).toBeLessThan(1e-6);
  });

  it.each([16384, 12000, 4097])('turns on-bin cosines into exp(i w n) at the long length %i (the anomaly window sizes)', (n) => {
    // H{cos} = sin exactly for whole cycles, so the analytic signal is known without a golden file.
    const tones = [[37, 1, 0.3], [1500, 0.25, -1.1], [Math.floor(n / 2) - 3, 0.5, 2]] as const;
    const sum = (f: (angle: number) => number, t: number): number => tones.reduce((s, [k, a, p]) => s + a * f((2 * Math.PI * k * t) / n + p), 0);
    const x = Float32Array.from({ length: n }, (_, t) => sum(Math.cos, t));
    const hx = Array.from({ length: n }, (_, t) => sum(Math.sin, t));
    const plan = createHilbertPlan({ length: n });
    expect(plan.description.version).toBe(2);
    const z = new Float32Array(2 * n);
    analyticSignal(plan, new Float32Array(n).fill(1), z); // dirty the scratch first
    analyticSignal(plan, x, z);
    // x is float32 while hx is exact: the input rounding bounds this near 150 dB
    expect(snrDb(hx, z.filter((_, i) => i % 2 === 1))).toBeGreaterThan(120);
    expect(Array.from(z.filter((_, i) => i % 2 === 0))).toEqual(Array.from(x));
  });

  it('rejects lengths it cannot transform exactly', () => {
    expect(() => createHilbertPlan({ length: 1 })).toThrow(/hilbert: length = 1; expected an integer in 2\.\.32768 \(samples\), or a power of two up to 65536/);
    expect(() => createHilbertPlan({ length: 40000 })).toThrow(ParameterError);
    expect(() => createHilbertPlan({ length: 65536 })).not.toThrow();
    expect(() => createHilbertPlan({ length: 10.5 })).toThrow(/length = 10.5/);
    expect(() => createHilbertPlan({ length: NaN })).toThrow(/length = NaN/);
  });
});

describe('envelope spectrum', () => {
  it.each(golden.spectra.map((g) => [g.length, g.fftSize, g.window, g.scaling, g] as const))(
    'matches numpy for length %i, fft %i, %s window, %s scaling',
    (_n, _f, _w, _s, g) => {
      const plan = createEnvelopeSpectrumPlan({ length: g.length, sampleRate: g.sampleRate, fftSize: g.fftSize, window: g.window, scaling: g.scaling });
      const out = new Float32Array(plan.bins);
      computeEnvelopeSpectrum(plan, f32(g.input), out);
      expect(snrDb(g.spectrum, out)).toBeGreaterThan(120);
      expect(Array.from(plan.frequencies)).toEqual(g.frequencies.map(Math.fround));
    },
  );

  it('finds the 37 Hz fault modulation with its amplitude', () => {
    const g = golden.spectra.find((s) => s.scaling === 'amplitude')!;
    const plan = createEnvelopeSpectrumPlan({ length: g.length, sampleRate: g.sampleRate });
    expect(plan.fftSize).toBe(1024);
    const out = new Float32Array(plan.bins);
    computeEnvelopeSpectrum(plan, f32(g.input), out);
    let peak = 1;
    for (let k = 2; k < plan.bins; k++) if (out[k]! > out[peak]!) peak = k;
    expect(Math.abs(plan.frequencies[peak]! - 37)).toBeLessThan(2000 / 1024);
    // The envelope is 1 + 0.6 cos(2 pi 37 t): amplitude scaling reads ~0.6, less Hann scalloping (< 16%).
    expect(out[peak]).toBeGreaterThan(0.5);
    expect(out[peak]).toBeLessThan(0.62);
  });

  it('runs the prefilter first and records it in the description', () => {
    const g = golden.spectra[0]!;
    const gain = createEnvelopeSpectrumPlan({ length: g.length, sampleRate: 2000, prefilter: (x, y) => y.set(x.map((v) => 2 * v)) });
    const plain = createEnvelopeSpectrumPlan({ length: g.length, sampleRate: 2000 });
    expect(gain.description.options.prefilter).toBe(true);
    expect(gain.description.version).toBe(2);
    const a = new Float32Array(gain.bins);
    const b = new Float32Array(plain.bins);
    computeEnvelopeSpectrum(gain, f32(g.input), a);
    computeEnvelopeSpectrum(plain, f32(g.input), b);
    expect(maxRelativeError(b.map((v) => 2 * v), a, 1e-3)).toBeLessThan(1e-5);
  });

  it('rejects bad options with ParameterError', () => {
    expect(() => createEnvelopeSpectrumPlan({ length: 1000, sampleRate: -2000 })).toThrow(/envelopeSpectrum: sampleRate = -2000/);
    expect(() => createEnvelopeSpectrumPlan({ length: 1000, sampleRate: 2000, fftSize: 512 })).toThrow(/fftSize = 512; expected a power of two in 1024\.\.65536/);
    expect(() => createEnvelopeSpectrumPlan({ length: 1000, sampleRate: 2000, window: 'kaiser' as WindowType })).toThrow(ParameterError);
    expect(() => createEnvelopeSpectrumPlan({ length: 1000, sampleRate: 2000, prefilter: 3 as never })).toThrow(/prefilter = 3/);
    expect(() => envelopeSpectrum({ scaling: 'db' as never })).toThrow(/scaling = "db"/);
    expect(() => envelopeSpectrum({ fftSize: 1000 })).toThrow(/fftSize = 1000/);
    expect(() => envelopeSpectrum({ sampleRate: 10 } as never)).toThrow(/sampleRate.*no such option/);
  });
});

describe('envelope operators', () => {
  it('emit the core results per frame, keeping index and rate', async () => {
    const g = golden.spectra[0]!;
    const frames = [frameOf(f32(g.input), 0), frameOf(f32(g.input).reverse(), 500)];
    const envs = await collect(frames, envelope());
    const plan = createHilbertPlan({ length: g.length });
    const expected = new Float32Array(g.length);
    computeEnvelope(plan, frames[1]!.data, expected);
    expect(envs.map((f) => f.index)).toEqual([0, 500]);
    expect(envs[1]!.data).toEqual(expected);

    const spectra = await collect(frames, envelopeSpectrum());
    expect(spectra[0]!.data.length).toBe(513);
    expect(snrDb(g.spectrum, spectra[0]!.data)).toBeGreaterThan(120);
    expect(spectra[0]!.frequencies[19]).toBeCloseTo((19 * 2000) / 1024, 3);
  });

  it('type spectra as frames that carry their frequencies', () => {
    expectTypeOf(envelopeSpectrum()).toEqualTypeOf<import('rxjs').OperatorFunction<Frame, EnvelopeSpectrumFrame>>();
    expectTypeOf<EnvelopeSpectrumFrame['frequencies']>().toEqualTypeOf<Float32Array>();
  });

  it('turn NaN frames and length changes into error notifications', async () => {
    const bad = new Float32Array(64);
    bad[5] = NaN;
    await expect(collect([frameOf(new Float32Array(64)), frameOf(bad, 64)], envelope())).rejects.toThrow(
      /envelope: frame at sample 64: value 5 is NaN/,
    );
    await expect(collect([frameOf(new Float32Array(64)), frameOf(new Float32Array(32), 64)], envelopeSpectrum())).rejects.toThrow(
      /envelopeSpectrum: frame at sample 64 has 32 values/,
    );
    await expect(collect([{ ...frameOf(new Float32Array(64)), channels: 2 }], envelope())).rejects.toThrow(/expected 1/);
  });
});
