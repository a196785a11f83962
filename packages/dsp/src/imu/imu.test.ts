import { describe, expect, it } from 'vitest';
import { concatSamples, f32, loadGolden, maxRelativeError, randomChunks, runOperator, snrDb } from '../../test/helpers.js';
import { ParameterError } from '../errors.js';
import { createGravityPlan, type GravityMode } from './gravity.js';
import { GravitySplitter, splitGravity } from './gravity-splitter.js';
import { gravitySplit } from './operators/gravity-split.js';
import { vectorMagnitude } from './operators/vector-magnitude.js';
import { computeVectorMagnitude, createVectorMagnitudePlan } from './vector-magnitude.js';

interface GoldenImu {
  sampleRate: number;
  imu: number[];
  trueGravity: number[];
  trueLinear: number[];
  accelMagnitude: number[];
  gyroMagnitude: number[];
  cases: { mode: GravityMode; cutoff?: number; blend?: number; gravity: number[] }[];
}

const g = loadGolden<GoldenImu>('imu');
const imu = f32(g.imu);
const axes = (x: Float32Array, channels: number, from: number): Float32Array => x.filter((_, i) => i % channels >= from && i % channels < from + 3);
/** Largest |a - b| over per-axis arrays from sample `start` on (3 interleaved axes). */
function maxError(reference: ArrayLike<number>, actual: ArrayLike<number>, start: number): number {
  let worst = 0;
  for (let i = 3 * start; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - reference[i]!));
  return worst;
}

describe('vector magnitude', () => {
  it('matches numpy.linalg.norm for the accelerometer and (offset 3) the gyroscope', async () => {
    const out = new Float32Array(g.accelMagnitude.length);
    computeVectorMagnitude(createVectorMagnitudePlan({ channels: 6 }), imu, out);
    expect(maxRelativeError(g.accelMagnitude, out)).toBeLessThan(1e-6);
    computeVectorMagnitude(createVectorMagnitudePlan({ channels: 6, offset: 3 }), imu, out);
    expect(maxRelativeError(g.gyroMagnitude, out)).toBeLessThan(1e-6);
    const streamed = await runOperator(randomChunks(imu, 100, 6, 4, 30), vectorMagnitude({ offset: 3 }));
    expect(concatSamples(streamed)).toEqual(out);
    expect(streamed.every((c) => c.channels === 1 && c.sampleRate === 100)).toBe(true);
    expect(streamed[1]!.index).toBe(streamed[0]!.samples.length);
  });

  it('rejects offsets outside the channels', async () => {
    expect(() => createVectorMagnitudePlan({ channels: 6, offset: 4 })).toThrow(/vectorMagnitude: offset = 4; expected an integer in 0\.\.3 for 6 channels/);
    expect(() => createVectorMagnitudePlan({ channels: 2 })).toThrow(ParameterError);
    expect(() => vectorMagnitude({ offset: -1 })).toThrow(/offset = -1/);
    await expect(runOperator(randomChunks(imu, 100, 6, 1, 30), vectorMagnitude({ offset: 5 }))).rejects.toThrow(/offset = 5/);
  });
});

describe('gravity split', () => {
  it.each(g.cases.map((c) => [c.mode, c.cutoff ?? `blend ${c.blend}`, c] as const))('%s (%s) matches the scipy Rotation reference', (_m, _k, c) => {
    const options = c.blend !== undefined ? { blend: c.blend } : { cutoff: c.cutoff! };
    const both = splitGravity(createGravityPlan({ sampleRate: 100, channels: 6, mode: c.mode, ...options }), imu);
    const gravity = axes(both, 6, 0);
    expect(snrDb(c.gravity, gravity)).toBeGreaterThan(130);
    // linear = accelerometer - gravity, the same split under every output choice
    const linear = splitGravity(createGravityPlan({ sampleRate: 100, channels: 6, mode: c.mode, output: 'linear', ...options }), imu);
    expect(linear).toEqual(axes(both, 6, 3));
    expect(splitGravity(createGravityPlan({ sampleRate: 100, channels: 6, mode: c.mode, output: 'gravity', ...options }), imu)).toEqual(gravity);
    const accel = axes(imu, 6, 0);
    // Compared in absolute terms: linear acceleration crosses zero, and the check subtracts float32 values.
    expect(maxError(accel.map((a, i) => a - gravity[i]!), linear, 0)).toBeLessThan(1e-6);
  });

  it('recovers true gravity and linear acceleration of a turning, accelerating sensor with the gyroscope', () => {
    // After 1 s of settling. Fused: what is left is the complementary filter's leak of the 0.2 g, 1.5 Hz
    // linear acceleration into gravity (~0.2 * 0.3 / 1.5 = 0.04 g) plus 0.01 g accelerometer noise.
    const fused = splitGravity(createGravityPlan({ sampleRate: 100, channels: 6 }), imu);
    expect(maxError(g.trueGravity, axes(fused, 6, 0), 100)).toBeLessThan(0.06);
    expect(maxError(g.trueLinear, axes(fused, 6, 3), 100)).toBeLessThan(0.08);
    // Without the gyroscope a 0.3 Hz low-pass lags the turning gravity by a large fraction of 1 g.
    const lowpass = splitGravity(createGravityPlan({ sampleRate: 100, channels: 6, mode: 'lowpass' }), imu);
    expect(maxError(g.trueGravity, axes(lowpass, 6, 0), 100)).toBeGreaterThan(0.3);
  });

  it('tracks gravity turning at a known 90 deg/s about x exactly when there is no linear acceleration', () => {
    const fs = 200;
    const n = 800;
    const samples = new Float32Array(6 * n);
    const w = (90 * Math.PI) / 180;
    for (let i = 0; i < n; i++) {
      // dg/dt = -w x g with w along x turns g = (0, 0, 1) into (0, sin wt, cos wt)
      samples.set([0, Math.sin(w * (i / fs)), Math.cos(w * (i / fs)), 90, 0, 0], 6 * i);
    }
    const out = splitGravity(createGravityPlan({ sampleRate: fs, channels: 6, output: 'linear' }), samples);
    expect(Math.max(...out.map(Math.abs))).toBeLessThan(1e-6);
  });

  it('low-pass mode finds a static tilt under linear-acceleration bursts', () => {
    const fs = 100;
    const tilt = [0.5, 0, Math.sqrt(0.75)];
    const samples = new Float32Array(3 * 1000);
    for (let i = 0; i < 1000; i++) {
      const burst = i % 200 < 20 ? 0.5 : 0; // 0.2 s pushes along y every 2 s
      samples.set([tilt[0]!, tilt[1]! + burst, tilt[2]!], 3 * i);
    }
    const gravity = splitGravity(createGravityPlan({ sampleRate: fs, channels: 3, cutoff: 0.1, output: 'gravity' }), samples);
    const reference = new Float32Array(3000).map((_, i) => tilt[i % 3]!);
    // A 0.1 Hz one-pole (r = 1 - k per sample) lets the burst train leak into the y axis; its periodic
    // steady state peaks at the end of a burst at 0.5 (1 - r^20) / (1 - r^200) = 0.082 g. From 6 s on the
    // start-up transient (the estimate began inside a burst) has decayed below 0.012 g.
    expect(maxError(reference, gravity, 600)).toBeLessThan(0.095);
    expect(maxError(reference, gravity, 600)).toBeGreaterThan(0.07);
  });

  it('streaming equals batch under random chunking, 3 and 6 channels', async () => {
    for (const [channels, signal] of [[6, imu], [3, axes(imu, 6, 0)]] as const) {
      const batch = splitGravity(createGravityPlan({ sampleRate: 100, channels }), signal);
      for (const seed of [1, 2, 3]) {
        const out = await runOperator(randomChunks(signal, 100, channels, seed, 40), gravitySplit());
        expect(concatSamples(out)).toEqual(batch);
        expect(out.every((c) => c.channels === 6 && c.sampleRate === 100)).toBe(true);
      }
      const splitter = new GravitySplitter(createGravityPlan({ sampleRate: 100, channels, output: 'linear' }));
      const one = new Float32Array(3);
      for (let i = 0; i < signal.length / channels; i++) splitter.process(signal.subarray(i * channels, (i + 1) * channels), one);
      expect(Array.from(one)).toEqual(Array.from(batch.subarray(batch.length - 3)));
    }
  });

  it('rejects bad parameters before processing', () => {
    expect(() => createGravityPlan({ sampleRate: -100, channels: 6 })).toThrow(/gravity: sampleRate = -100/);
    expect(() => createGravityPlan({ sampleRate: 100, channels: 4 })).toThrow(/channels = 4; expected 3 \(accelerometer\) or 6/);
    expect(() => createGravityPlan({ sampleRate: 100, channels: 3, mode: 'gyro' })).toThrow(/mode = "gyro"/);
    expect(() => createGravityPlan({ sampleRate: 100, channels: 6, cutoff: 50 })).toThrow(/cutoff = 50; expected a number in \(0, 50\)/);
    expect(() => createGravityPlan({ sampleRate: 100, channels: 6, cutoff: NaN })).toThrow(/cutoff = NaN/);
    expect(() => createGravityPlan({ sampleRate: 100, channels: 6, blend: 0 })).toThrow(/blend = 0/);
    expect(() => createGravityPlan({ sampleRate: 100, channels: 6, blend: 0.1, cutoff: 1 })).toThrow(/no cutoff together with blend/);
    expect(() => gravitySplit({ cutoff: -1 })).toThrow(ParameterError);
    expect(() => gravitySplit({ output: 'all' as never })).toThrow(/output = "all"/);
  });

  it('turns NaN samples and a cutoff above Nyquist into error notifications', async () => {
    const bad = imu.slice(0, 60);
    bad[6 * 4 + 5] = NaN;
    await expect(runOperator([{ samples: bad, sampleRate: 100, channels: 6, index: 0 }], gravitySplit())).rejects.toThrow(
      /gravity: sample 4 \(channel 5\) is NaN/,
    );
    await expect(runOperator([{ samples: imu.slice(0, 60), sampleRate: 100, channels: 6, index: 0 }], gravitySplit({ cutoff: 60 }))).rejects.toThrow(
      /cutoff = 60/,
    );
  });
});
