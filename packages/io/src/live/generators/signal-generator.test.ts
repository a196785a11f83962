import { describe, expect, it } from 'vitest';
import { createFftPlan, createWindowPlan, powerSpectrum } from '@sensorkit/dsp';
import { rng } from '../../../test/helpers.js';
import { pinkFilterPowerGain } from './pink-noise.js';
import { generateSignal, SignalGenerator } from './signal-generator.js';
import { createSignalPlan } from './signal-plan.js';
import type { SignalSpec } from './signal-spec.js';

const gen = (spec: SignalSpec, sampleRate: number, frames: number, index = 0): Float32Array => generateSignal(createSignalPlan(spec, { sampleRate }), index, frames);

/** Times (s) where the signal crosses zero upwards or downwards, by linear interpolation. */
function zeroCrossings(x: Float32Array, sampleRate: number): number[] {
  const out: number[] = [];
  for (let n = 0; n + 1 < x.length; n++) {
    const a = x[n]!;
    const b = x[n + 1]!;
    if ((a < 0 && b >= 0) || (a > 0 && b <= 0)) out.push((n + a / (a - b)) / sampleRate);
  }
  return out;
}

/**
 * The frequency (Hz) measured from the two zero crossings around time t (half a cycle apart), and the
 * time it belongs to: their midpoint.
 */
function measuredAround(crossings: number[], t: number): { at: number; frequency: number } {
  const k = crossings.findIndex((c) => c > t);
  return { at: (crossings[k]! + crossings[k - 1]!) / 2, frequency: 0.5 / (crossings[k]! - crossings[k - 1]!) };
}

function meanAndVariance(x: Float32Array): [number, number] {
  let sum = 0;
  for (const v of x) sum += v;
  const mean = sum / x.length;
  let ss = 0;
  for (const v of x) ss += (v - mean) ** 2;
  return [mean, ss / x.length];
}

describe('sine', () => {
  it('equals amplitude * sin(2 pi f n / fs + phase) at known samples, even a billion samples in', () => {
    const x = gen({ type: 'sine', frequency: 1000, amplitude: 0.5, phase: 90 }, 8000, 9);
    const expected = [0.5, 0.5 * Math.SQRT1_2, 0, -0.5 * Math.SQRT1_2, -0.5, -0.5 * Math.SQRT1_2, 0, 0.5 * Math.SQRT1_2, 0.5];
    x.forEach((v, n) => expect(v).toBeCloseTo(expected[n]!, 7));
    // 1e9 is a multiple of the 8-sample period: the phase is reduced to one cycle, so nothing drifts.
    const far = gen({ type: 'sine', frequency: 1000, amplitude: 0.5, phase: 90 }, 8000, 9, 1_000_000_000);
    far.forEach((v, n) => expect(v).toBeCloseTo(expected[n]!, 7));
  });
});

describe('chirp', () => {
  it('linear: zero crossings give f0 + (f1 - f0) t / T, and the sweep repeats', () => {
    const fs = 16000;
    const x = gen({ type: 'chirp', f0: 100, f1: 2000, duration: 1 }, fs, 2 * fs);
    const crossings = zeroCrossings(x.subarray(0, fs), fs);
    for (const t of [0.1, 0.25, 0.5, 0.75, 0.9]) {
      const { at, frequency } = measuredAround(crossings, t);
      expect(frequency / (100 + 1900 * at)).toBeCloseTo(1, 2); // within 0.5 %
    }
    expect(x.subarray(fs, 2 * fs)).toEqual(x.subarray(0, fs));
  });

  it('logarithmic: zero crossings give f0 (f1 / f0)^(t / T)', () => {
    const fs = 16000;
    const x = gen({ type: 'chirp', f0: 50, f1: 5000, duration: 2, method: 'logarithmic' }, fs, 2 * fs);
    const crossings = zeroCrossings(x, fs);
    for (const t of [0.2, 0.5, 1, 1.5, 1.9]) {
      const { at, frequency } = measuredAround(crossings, t);
      expect(frequency / (50 * 100 ** (at / 2))).toBeCloseTo(1, 2);
    }
  });
});

describe('impulse train', () => {
  it('puts impulses at round(k fs / rate)', () => {
    const x = gen({ type: 'impulse', rate: 3, amplitude: 0.75 }, 1000, 2000);
    const at = [...x.keys()].filter((n) => x[n] !== 0);
    expect(at).toEqual([0, 333, 667, 1000, 1333, 1667]);
    expect(at.map((n) => x[n])).toEqual(Array(6).fill(0.75));
  });

  it('jitters each impulse within +-jitter, reproducibly', () => {
    const x = gen({ type: 'impulse', rate: 10, jitter: 0.01, seed: 5 }, 1000, 10_000);
    const at = [...x.keys()].filter((n) => x[n] !== 0);
    expect(at.length).toBeGreaterThanOrEqual(99); // impulse 0 may be jittered before sample 0
    const offsets = at.map((n) => n - 100 * Math.round(n / 100));
    expect(Math.max(...offsets.map(Math.abs))).toBeLessThanOrEqual(10);
    expect(new Set(offsets).size).toBeGreaterThan(10);
    expect(gen({ type: 'impulse', rate: 10, jitter: 0.01, seed: 5 }, 1000, 10_000)).toEqual(x);
  });
});

describe('white noise', () => {
  it('gaussian: mean 0 and variance amplitude^2', () => {
    const [mean, variance] = meanAndVariance(gen({ type: 'white', amplitude: 0.5, seed: 3 }, 16000, 200_000));
    expect(Math.abs(mean)).toBeLessThan(0.005); // 4.5 standard errors
    expect(variance / 0.25).toBeCloseTo(1, 1.7); // within 1 %
  });

  it('uniform: values in [-a, a), variance a^2 / 3', () => {
    const x = gen({ type: 'white', amplitude: 0.3, distribution: 'uniform' }, 16000, 200_000);
    const [mean, variance] = meanAndVariance(x);
    expect(Math.abs(mean)).toBeLessThan(0.003);
    expect(variance / (0.09 / 3)).toBeCloseTo(1, 1.7);
    expect(x.reduce((m, v) => Math.min(m, v))).toBeGreaterThanOrEqual(-0.3);
    expect(x.reduce((m, v) => Math.max(m, v))).toBeLessThan(0.3);
  });

  it('gives independent noise to two terms and two channels with the same seed', () => {
    const plan = createSignalPlan([{ type: 'white' }, { type: 'white' }], { sampleRate: 1000, channels: 2 });
    const x = generateSignal(plan, 0, 1000);
    const left = x.filter((_, i) => i % 2 === 0);
    const right = x.filter((_, i) => i % 2 === 1);
    expect(left).not.toEqual(right);
    expect(meanAndVariance(left)[1]).toBeCloseTo(2, 0); // two independent unit terms add variances
  });
});

describe('pink noise', () => {
  it('falls by 10 dB per decade (+-1.5) over three decades, with RMS = amplitude', () => {
    const fs = 16000;
    const n = 1 << 19;
    const x = gen({ type: 'pink', amplitude: 0.2, seed: 11 }, fs, n);
    expect(Math.sqrt(meanAndVariance(x)[1]) / 0.2).toBeCloseTo(1, 1);
    // Welch: Hann-windowed 8192-point segments, half overlapped, averaged.
    const size = 8192;
    const fft = createFftPlan({ size });
    const window = createWindowPlan({ type: 'hann', length: size }).coefficients;
    const psd = new Float64Array(fft.bins);
    const frame = new Float32Array(size);
    const power = new Float32Array(fft.bins);
    for (let start = 0; start + size <= n; start += size / 2) {
      for (let i = 0; i < size; i++) frame[i] = x[start + i]! * window[i]!;
      powerSpectrum(fft, frame, power);
      for (let k = 0; k < fft.bins; k++) psd[k]! += power[k]!;
    }
    // Mean power in 5 bands per decade from 6 Hz to 6 kHz, then a least-squares line in dB per decade.
    const points: [number, number][] = [];
    for (let b = 0; b < 15; b++) {
      const lo = 6 * 10 ** (b / 5);
      const hi = 6 * 10 ** ((b + 1) / 5);
      let sum = 0;
      let count = 0;
      for (let k = Math.ceil((lo * size) / fs); k * fs < hi * size; k++, count++) sum += psd[k]!;
      points.push([Math.log10(Math.sqrt(lo * hi)), 10 * Math.log10(sum / count)]);
    }
    const mx = points.reduce((s, [u]) => s + u, 0) / points.length;
    const my = points.reduce((s, [, v]) => s + v, 0) / points.length;
    const slope = points.reduce((s, [u, v]) => s + (u - mx) * (v - my), 0) / points.reduce((s, [u]) => s + (u - mx) ** 2, 0);
    expect(slope).toBeGreaterThan(-11.5);
    expect(slope).toBeLessThan(-8.5);
    // and it is a line: no band strays from it by more than 1.5 dB
    for (const [u, v] of points) expect(Math.abs(v - (my + slope * (u - mx)))).toBeLessThan(1.5);
  });

  it('scales by the filter power gain computed in closed form (checked against a summed impulse response)', () => {
    const poles = [0.99886, 0.99332, 0.969, 0.8665, 0.55, -0.7616];
    const gains = [0.0555179, 0.0750759, 0.153852, 0.3104856, 0.5329522, -0.016898];
    let total = 0;
    for (let k = 0; k < 40_000; k++) {
      let h = gains.reduce((s, c, i) => s + c * poles[i]! ** k, 0);
      if (k === 0) h += 0.5362;
      if (k === 1) h += 0.115926;
      total += h * h;
    }
    expect(pinkFilterPowerGain()).toBeCloseTo(total, 9);
  });
});

describe('streaming equals batch', () => {
  const spec: SignalSpec = {
    perChannel: [
      [{ type: 'sine', frequency: 440, amplitude: 0.5 }, { type: 'white', amplitude: 0.1 }, { type: 'impulse', rate: 7, jitter: 0.02 }],
      [{ type: 'chirp', f0: 20, f1: 4000, duration: 0.3, method: 'logarithmic' }, { type: 'pink', amplitude: 0.2 }],
    ],
  };
  const plan = createSignalPlan(spec, { sampleRate: 16000 });
  const batch = generateSignal(plan, 0, 20_000);

  it('chunks of random sizes give the same samples as one block', () => {
    for (const seed of [1, 2, 3]) {
      const random = rng(seed);
      const generator = new SignalGenerator(plan);
      const out = new Float32Array(batch.length);
      for (let index = 0; index < 20_000; ) {
        const frames = Math.min(20_000 - index, 1 + Math.floor(random() * 3000));
        const block = new Float32Array(frames * 2);
        generator.fill(block, index, frames);
        out.set(block, index * 2);
        index += frames;
      }
      expect(out).toEqual(batch);
    }
  });

  it('any order of requests gives the same samples (noise replays its sequence)', () => {
    const generator = new SignalGenerator(plan);
    const late = new Float32Array(2 * 500);
    generator.fill(late, 15_000);
    const early = new Float32Array(2 * 500);
    generator.fill(early, 100);
    expect(late).toEqual(batch.subarray(30_000, 31_000));
    expect(early).toEqual(batch.subarray(200, 1200));
  });
});
