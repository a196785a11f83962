import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { f32, loadGolden, maxRelativeError, rng } from '../../test/helpers.js';
import type { Frame } from '../chunk.js';
import { createFftPlan, powerSpectrum } from '../fft.js';
import { spectralFeatures } from './operators/spectral-features.js';
import { SpectralFeatureExtractor } from './spectral-features.js';
import { createSpectralFeaturesPlan, type SpectralFeaturesOptions } from './spectral-features-plan.js';

interface GoldenCase {
  name: string;
  options: SpectralFeaturesOptions;
  names: string[];
  spectra: number[][];
  expected: number[][];
}

// Exact zeros in the reference (skewness of a symmetric spectrum, slope of a flat one) come out near
// 1e-16 from another summation order, so values under 1e-6 are judged against 1e-6.
const FLOOR = 1e-6;
const golden = loadGolden<{ cases: GoldenCase[] }>('spectral').cases;
const hand = golden.find((c) => c.name.startsWith('hand'))!;

function extractAll(c: GoldenCase): Float64Array[] {
  const plan = createSpectralFeaturesPlan(c.options);
  const extractor = new SpectralFeatureExtractor(plan);
  return c.spectra.map((s) => {
    const out = new Float64Array(plan.outputLength);
    extractor.process(f32(s), out);
    return out;
  });
}

function spectrumFrame(data: Float32Array, index: number, sampleRate: number): Frame {
  return { data, index, sampleRate, channels: 1 };
}

describe('spectral features', () => {
  it.each(golden.map((c) => [c.name, c] as const))('match the numpy reference: %s', (_name, c) => {
    expect(createSpectralFeaturesPlan(c.options).names).toEqual(c.names);
    const got = extractAll(c);
    // float32 spectra in, float64 arithmetic on both sides: agreement is near float64 rounding
    // (worst case: numpy.polyfit's 1.4e-16 slope of a flat spectrum against our exact 0).
    c.expected.forEach((e, i) => expect(maxRelativeError(e, got[i]!, FLOOR)).toBeLessThan(1e-9));
  });

  it('gives hand-checkable values (bins 1 Hz apart)', () => {
    const [silence, dc, single, hannTone, flat] = extractAll(hand);
    const at = (row: Float64Array, name: string): number => row[hand.names.indexOf(name)]!;
    // all-zero spectrum: every feature defined as 0, never NaN
    expect(Array.from(silence!)).toEqual(new Array(hand.names.length).fill(0));
    // DC only: centroid at 0 Hz, no spread, no peaks (DC has one neighbour), all power in band 0
    expect([at(dc!, 'centroid'), at(dc!, 'spread'), at(dc!, 'rolloff'), at(dc!, 'peak1Magnitude'), at(dc!, 'band0')]).toEqual([0, 0, 0, 0, 1]);
    // one non-zero bin: centroid = its frequency, crest = bin count, a single peak at its frequency
    expect(at(single!, 'centroid')).toBeCloseTo(3, 12);
    expect([at(single!, 'spread'), at(single!, 'skewness'), at(single!, 'crest'), at(single!, 'peak1Hz')]).toEqual([0, 0, 9, 3]);
    // Hann main lobe 0.25, 0.5, 0.25 at bin 5: centroid 5 Hz, spread 1/sqrt(2) Hz, kurtosis 2, exact peak
    expect(at(hannTone!, 'centroid')).toBeCloseTo(5, 12);
    expect(at(hannTone!, 'spread')).toBeCloseTo(Math.SQRT1_2, 12);
    expect(at(hannTone!, 'kurtosis')).toBeCloseTo(2, 12);
    expect([at(hannTone!, 'peak1Hz'), at(hannTone!, 'peak1Magnitude')]).toEqual([5, 0.5]);
    // flat spectrum: flatness and crest exactly 1, zero slope, centroid at the middle bin
    expect(at(flat!, 'flatness')).toBeCloseTo(1, 14);
    expect(at(flat!, 'crest')).toBe(1);
    expect(at(flat!, 'centroid')).toBe(4);
  });

  it('puts the centroid of a windowed tone at a bin centre on the tone frequency', () => {
    const fft = createFftPlan({ size: 512 });
    const frame = new Float32Array(512).map((_, n) => 0.5 * (1 - Math.cos((2 * Math.PI * n) / 512)) * Math.cos((2 * Math.PI * 40 * n) / 512));
    const power = new Float32Array(fft.bins);
    powerSpectrum(fft, frame, power);
    const plan = createSpectralFeaturesPlan({ sampleRate: 16000, fftSize: 512, features: ['centroid', 'peaks'], peaks: 1 });
    const out = new Float64Array(plan.outputLength);
    new SpectralFeatureExtractor(plan).process(power, out);
    // 40 * 16000 / 512 = 1250 Hz; float32 FFT leakage into far bins limits agreement to about 1e-6.
    expect(Math.abs(out[0]! - 1250) / 1250).toBeLessThan(1e-5);
    expect(Math.abs(out[1]! - 1250) / 1250).toBeLessThan(1e-5);
  });

  it('gives flatness near 1 for averaged white noise and near exp(-gamma) for one periodogram', () => {
    const fft = createFftPlan({ size: 256 });
    const next = rng(7);
    const plan = createSpectralFeaturesPlan({ sampleRate: 1000, fftSize: 256, features: ['flatness'] });
    const extractor = new SpectralFeatureExtractor(plan);
    const frame = new Float32Array(256);
    const power = new Float32Array(fft.bins);
    const average = new Float32Array(fft.bins);
    const out = new Float64Array(1);
    let single = 0;
    const frames = 64;
    for (let f = 0; f < frames; f++) {
      for (let n = 0; n < 256; n++) frame[n] = Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
      powerSpectrum(fft, frame, power);
      for (let k = 0; k < fft.bins; k++) average[k] += power[k]! / frames;
      extractor.process(power, out);
      single += out[0]! / frames;
    }
    // Periodogram bins are exponentially distributed: E[log P] = log E[P] - gamma.
    expect(single).toBeGreaterThan(0.52);
    expect(single).toBeLessThan(0.6);
    extractor.process(average, out);
    expect(out[0]).toBeGreaterThan(0.97);
  });

  it('derives magnitude from a power input and power from a magnitude input consistently', () => {
    const c = golden[0]!;
    const power = f32(c.spectra[1]!);
    const magnitude = power.map(Math.sqrt);
    const opts = { ...c.options, features: ['centroid', 'flatness', 'crest', 'peaks'] as const };
    const fromPower = createSpectralFeaturesPlan(opts);
    const fromMagnitude = createSpectralFeaturesPlan({ ...opts, input: 'magnitude' });
    const a = new Float64Array(fromPower.outputLength);
    const b = new Float64Array(fromPower.outputLength);
    new SpectralFeatureExtractor(fromPower).process(power, a);
    new SpectralFeatureExtractor(fromMagnitude).process(magnitude, b);
    // sqrt rounds to float32 in the magnitude input: agreement at float32 precision only.
    expect(maxRelativeError(a, b, FLOOR)).toBeLessThan(1e-6);
  });

  it('writes nothing past the output, through the operator with float32 frames', async () => {
    const c = golden[0]!;
    const plan = createSpectralFeaturesPlan(c.options);
    const out = new Float32Array(plan.outputLength + 2).fill(-7);
    new SpectralFeatureExtractor(plan).process(f32(c.spectra[0]!), out);
    expect(Array.from(out.subarray(plan.outputLength))).toEqual([-7, -7]);

    const input = c.spectra.map((s, i) => spectrumFrame(f32(s), i * 384, 16000));
    const emitted = await lastValueFrom(from(input).pipe(spectralFeatures(plan), toArray()));
    expect(emitted.map((f) => f.index)).toEqual([0, 384, 768, 1152]);
    // float32 output of float64 results: relative error bounded by float32 rounding (6e-8).
    emitted.forEach((f, i) => expect(maxRelativeError(c.expected[i]!, f.data, FLOOR)).toBeLessThan(1e-7));
    // a second subscription starts with fresh flux state and gives the same frames
    const again = await lastValueFrom(from(input).pipe(spectralFeatures(plan), toArray()));
    expect(again.map((f) => Array.from(f.data))).toEqual(emitted.map((f) => Array.from(f.data)));
  });

  it('turns NaN, negative and mismatched spectra into error notifications', async () => {
    const run = (frame: Frame): Promise<unknown> =>
      lastValueFrom(from([frame]).pipe(spectralFeatures({ sampleRate: 16, fftSize: 16 })));
    const bad = new Float32Array(9);
    bad[4] = NaN;
    await expect(run(spectrumFrame(bad, 32, 16))).rejects.toThrow(/spectralFeatures: bin 4 of the spectrum of the frame at sample 32 is NaN/);
    await expect(run(spectrumFrame(f32([0, 0, -1, 0, 0, 0, 0, 0, 0]), 0, 16))).rejects.toThrow(/bin 2 .* is -1; expected a finite number >= 0/);
    await expect(run(spectrumFrame(new Float32Array(9), 0, 8))).rejects.toThrow(/spectrum of a 8 Hz signal; the plan expects 16 Hz/);
    await expect(run(spectrumFrame(new Float32Array(8), 0, 16))).rejects.toThrow(/frame of 8 values x 1 channel\(s\); expected 9 values/);
  });
});
