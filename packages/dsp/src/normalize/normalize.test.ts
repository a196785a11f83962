import { from, lastValueFrom, toArray, type Observable, type OperatorFunction } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { concatSamples, f32, loadGolden, maxRelativeError, randomChunks, runOperator, snrDb, wholeChunk } from '../../test/helpers.js';
import type { Frame } from '../chunk.js';
import { ParameterError } from '../errors.js';
import { applyFixedNorm, createFixedNormPlan } from './fixed-norm.js';
import { fixedNormalize } from './operators/fixed-normalize.js';
import { normalize } from './operators/normalize.js';
import { smoothFrames } from './operators/smooth-frames.js';
import { smoothSamples } from './operators/smooth-samples.js';
import { createRunningNormPlan, RunningNormalizer } from './running-norm.js';
import { createSmoothingPlan, OnePoleSmoother } from './smoothing.js';

interface Golden {
  frames: number;
  size: number;
  input: number[];
  cumulative: number[];
  cumulativeMean: number[];
  cumulativeVar: number[];
  exponentialAlpha: number;
  warmupFrames: number;
  exponential: number[];
  fixedMean: number[];
  fixedStd: number[];
  fixed: number[];
  smoothAlpha: number;
  framesSmoothed: number[];
  samples: number[];
  sampleRate: number;
  sampleTimeConstant: number;
  samplesSmoothed: number[];
}

const g = loadGolden<Golden>('normalize');
const input = f32(g.input);
const rows = Array.from({ length: g.frames }, (_, i) => input.subarray(i * g.size, (i + 1) * g.size));
// Frames 10 ms apart (hop 160 at 16 kHz), as the exponential reference assumes.
const frameStream = (): Frame[] => rows.map((data, i) => ({ data, index: 160 * i, sampleRate: 16000, channels: 1 }));
const runFrames = (frames: Frame[], op: OperatorFunction<Frame, Frame>): Promise<Frame[]> =>
  lastValueFrom((from(frames) as Observable<Frame>).pipe(op, toArray()));
const flat = (frames: Frame[]): Float32Array => concatSamples(frames.map((f) => ({ samples: f.data })));

function runCore(step: (row: Float32Array, out: Float32Array) => void): Float32Array {
  const out = new Float32Array(input.length);
  rows.forEach((row, i) => step(row, out.subarray(i * g.size, (i + 1) * g.size)));
  return out;
}

describe('running normalisation', () => {
  it('cumulative (Welford) matches numpy mean/var over the frames so far', () => {
    const norm = new RunningNormalizer(createRunningNormPlan({ size: g.size }));
    const out = runCore((row, o) => norm.push(row, o));
    // Outputs are O(1) standard scores; the float32 output rounding bounds the SNR near 150 dB.
    expect(snrDb(g.cumulative, out)).toBeGreaterThan(130);
    // Double-precision state against a reference stored to 12 significant digits.
    expect(maxRelativeError(g.cumulativeMean, norm.mean)).toBeLessThan(1e-10);
    expect(maxRelativeError(g.cumulativeVar, norm.variance)).toBeLessThan(1e-10);
    expect(Array.from(out.subarray(0, g.size))).toEqual(new Array(g.size).fill(0));
  });

  it('exponential matches the lfilter reference, whether given alpha, timeConstant + rate, or frame times', async () => {
    const byAlpha = new RunningNormalizer(createRunningNormPlan({ size: g.size, mode: 'exponential', alpha: g.exponentialAlpha }));
    const a = runCore((row, o) => byAlpha.push(row, o));
    expect(snrDb(g.exponential, a)).toBeGreaterThan(130);
    const byRate = new RunningNormalizer(createRunningNormPlan({ size: g.size, mode: 'exponential', timeConstant: 0.5, rate: 100 }));
    expect(snrDb(g.exponential, runCore((row, o) => byRate.push(row, o)))).toBeGreaterThan(130);
    const streamed = await runFrames(frameStream(), normalize({ mode: 'exponential', timeConstant: 0.5 }));
    expect(snrDb(g.exponential, flat(streamed))).toBeGreaterThan(130);
    expect(streamed.map((f) => f.index)).toEqual(frameStream().map((f) => f.index));
    // Warm-up: the first 1/alpha frames are normalised with the cumulative statistics, later ones forget.
    const warm = g.warmupFrames * g.size;
    expect(snrDb(g.cumulative.slice(0, warm), a.subarray(0, warm))).toBeGreaterThan(130);
    expect(snrDb(g.cumulative.slice(warm), a.subarray(warm))).toBeLessThan(40);
  });

  it('operator equals the core, with independent state per subscription', async () => {
    const norm = new RunningNormalizer(createRunningNormPlan({ size: g.size }));
    const core = runCore((row, o) => norm.push(row, o));
    const op = normalize();
    const source = from(frameStream()).pipe(op, toArray());
    const [first, second] = await Promise.all([lastValueFrom(source), lastValueFrom(source)]);
    expect(flat(first)).toEqual(core);
    expect(flat(second)).toEqual(core);
  });

  it('snapshot freezes the statistics for fixed normalisation', () => {
    const norm = new RunningNormalizer(createRunningNormPlan({ size: g.size, epsilon: 0 }));
    rows.forEach((row) => norm.update(row));
    const fixed = createFixedNormPlan(norm.snapshot());
    const a = new Float32Array(g.size);
    const b = new Float32Array(g.size);
    norm.apply(rows[3]!, a);
    applyFixedNorm(fixed, rows[3]!, b);
    expect(maxRelativeError(a, b, 1e-6)).toBeLessThan(1e-6);
  });

  it('rejects bad options before any frame', () => {
    expect(() => createRunningNormPlan({ size: 0 })).toThrow(/runningNorm: size = 0/);
    expect(() => createRunningNormPlan({ size: 4, alpha: 0.1 })).toThrow(/alpha = 0.1; expected no value with mode 'cumulative'/);
    expect(() => createRunningNormPlan({ size: 4, mode: 'exponential' })).toThrow(/exactly one of alpha .* or timeConstant/);
    expect(() => createRunningNormPlan({ size: 4, mode: 'exponential', alpha: 0.1, timeConstant: 1 })).toThrow(ParameterError);
    expect(() => createRunningNormPlan({ size: 4, mode: 'exponential', alpha: 0 })).toThrow(/alpha = 0; expected a number in \(0, 1\]/);
    expect(() => createRunningNormPlan({ size: 4, mode: 'exponential', timeConstant: -2 })).toThrow(/timeConstant = -2/);
    expect(() => createRunningNormPlan({ size: 4, mode: 'exponential', timeConstant: 2, rate: NaN })).toThrow(/rate = NaN/);
    expect(() => createRunningNormPlan({ size: 4, mode: 'ewma' as never })).toThrow(/mode = "ewma"/);
    expect(() => normalize({ mode: 'exponential', alpha: 2 })).toThrow(/normalize|runningNorm: alpha = 2/);
    expect(() => normalize({ epsilon: -1 })).toThrow(ParameterError);
  });

  it('turns NaN frames into an error notification', async () => {
    const frames = frameStream().slice(0, 3);
    const bad = frames[2]!.data.slice();
    bad[1] = NaN;
    frames[2] = { ...frames[2]!, data: bad };
    await expect(runFrames(frames, normalize())).rejects.toThrow(/normalize: frame at sample 320: value 1 is NaN/);
  });
});

describe('fixed normalisation', () => {
  it('matches numpy (x - mean) / std, core and operator', async () => {
    const plan = createFixedNormPlan({ mean: g.fixedMean, std: g.fixedStd });
    const core = runCore((row, o) => applyFixedNorm(plan, row, o));
    expect(snrDb(g.fixed, core)).toBeGreaterThan(130);
    expect(flat(await runFrames(frameStream(), fixedNormalize({ mean: g.fixedMean, std: g.fixedStd })))).toEqual(core);
  });

  it('rejects bad statistics and mismatched frames', async () => {
    expect(() => createFixedNormPlan({ mean: [0, 1], std: [1, 0] })).toThrow(/fixedNorm: std\[1\] = 0; expected a finite number > 0/);
    expect(() => createFixedNormPlan({ mean: [0, NaN], std: [1, 1] })).toThrow(/mean\[1\] = NaN/);
    expect(() => createFixedNormPlan({ mean: [0, 1], std: [1] })).toThrow(/std = \[1\]; expected 2 values/);
    expect(() => createFixedNormPlan({ mean: [], std: [] })).toThrow(/mean = \[\]; expected a non-empty array/);
    await expect(runFrames(frameStream(), fixedNormalize({ mean: [0], std: [1] }))).rejects.toThrow(/frame has 6 values; the saved statistics have 1/);
  });
});

describe('one-pole smoothing', () => {
  it('smooths frames like lfilter started at the first frame', async () => {
    const s = new OnePoleSmoother(createSmoothingPlan({ alpha: g.smoothAlpha }), g.size);
    const core = runCore((row, o) => s.push(row, o));
    expect(snrDb(g.framesSmoothed, core)).toBeGreaterThan(130);
    expect(flat(await runFrames(frameStream(), smoothFrames({ alpha: g.smoothAlpha })))).toEqual(core);
    // 10 ms frames with timeConstant = -0.01 / ln(1 - alpha) give the same weight.
    const tau = -0.01 / Math.log(1 - g.smoothAlpha);
    expect(snrDb(g.framesSmoothed, flat(await runFrames(frameStream(), smoothFrames({ timeConstant: tau }))))).toBeGreaterThan(130);
  });

  it('smooths each channel of a sample stream; streaming equals batch', async () => {
    const samples = f32(g.samples);
    const plan = createSmoothingPlan({ timeConstant: g.sampleTimeConstant, rate: g.sampleRate });
    const batch = new Float32Array(samples.length);
    new OnePoleSmoother(plan, 3).process(samples, batch);
    expect(snrDb(g.samplesSmoothed, batch)).toBeGreaterThan(130);
    const whole = await runOperator([wholeChunk(samples, g.sampleRate, 3)], smoothSamples({ timeConstant: g.sampleTimeConstant }));
    expect(concatSamples(whole)).toEqual(batch);
    for (const seed of [1, 2, 3]) {
      const out = await runOperator(randomChunks(samples, g.sampleRate, 3, seed, 50), smoothSamples({ timeConstant: g.sampleTimeConstant }));
      expect(concatSamples(out)).toEqual(batch);
      expect(out.every((c) => c.channels === 3 && c.sampleRate === g.sampleRate)).toBe(true);
    }
  });

  it('rejects bad options and NaN samples', async () => {
    expect(() => createSmoothingPlan({})).toThrow(/smoothing: alpha = undefined; expected exactly one of/);
    expect(() => createSmoothingPlan({ alpha: 1.5 })).toThrow(/alpha = 1.5/);
    expect(() => createSmoothingPlan({ alpha: 0.5, rate: 100 })).toThrow(/rate = 100; expected no rate with alpha/);
    expect(() => smoothFrames({ timeConstant: 0 })).toThrow(/timeConstant = 0/);
    expect(() => smoothSamples({ timeConstant: 0.1, rate: 5 } as never)).toThrow(/smoothSamples: rate = 5/);
    const bad = new Float32Array(12);
    bad[7] = NaN;
    await expect(runOperator([{ samples: bad, sampleRate: 100, channels: 3, index: 10 }], smoothSamples({ alpha: 0.5 }))).rejects.toThrow(
      /smoothSamples: sample 12 \(channel 1\) is NaN/,
    );
  });
});
