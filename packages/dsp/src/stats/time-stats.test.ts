import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { f32, loadGolden, maxRelativeError, randomChunks, runOperator, wholeChunk } from '../../test/helpers.js';
import { ParameterError } from '../errors.js';
import { frames } from '../operators/frames.js';
import { timeStats } from './operators/time-stats.js';
import { computeTimeStats, createTimeStatsPlan, TIME_STATS, type TimeStat } from './time-stats.js';

interface GoldenStats {
  order: TimeStat[];
  cases: { name: string; samples: number[]; expected: number[]; pearsonKurtosis: number }[];
}

// Values that are exactly 0 in the reference (skewness of a symmetric frame) come out as ~1e-17 from
// a different summation order; relative error is measured against max(|reference|, 1e-9).
const FLOOR = 1e-9;

describe('time-domain statistics', () => {
  const golden = loadGolden<GoldenStats>('stats');

  it('orders statistics canonically by default', () => {
    expect(golden.order).toEqual([...TIME_STATS]);
    expect(createTimeStatsPlan({ length: 4 }).stats).toEqual(TIME_STATS);
  });

  it.each(golden.cases.map((c) => [c.name, c] as const))('matches numpy/scipy.stats for %s', (_name, c) => {
    const frame = f32(c.samples);
    const plan = createTimeStatsPlan({ length: frame.length });
    const out = new Float64Array(plan.outputLength + 1).fill(-42);
    computeTimeStats(plan, frame, out);
    expect(maxRelativeError(c.expected, out.subarray(0, plan.outputLength), FLOOR)).toBeLessThan(1e-10);
    expect(out[plan.outputLength]).toBe(-42); // nothing written past the selected stats

    const pearson = createTimeStatsPlan({ length: frame.length, stats: ['kurtosis'], kurtosis: 'pearson' });
    const k = new Float64Array(1);
    computeTimeStats(pearson, frame, k);
    expect(maxRelativeError([c.pearsonKurtosis], k, FLOOR)).toBeLessThan(1e-10);
  });

  it('writes a selected subset in the requested order, float32 output within float32 rounding', () => {
    const c = golden.cases.find((g) => g.name.startsWith('impulsive'))!;
    const frame = f32(c.samples);
    const picks: TimeStat[] = ['zeroCrossingRate', 'kurtosis', 'rms'];
    const plan = createTimeStatsPlan({ length: frame.length, stats: picks });
    const out = new Float32Array(3);
    computeTimeStats(plan, frame, out);
    const expected = picks.map((s) => c.expected[golden.order.indexOf(s)]!);
    expect(maxRelativeError(expected, out)).toBeLessThan(1e-7);
    expect(out[1]).toBeGreaterThan(50); // impulsive frame: excess kurtosis far above Gaussian 0
  });

  it('defines an all-zero frame as all zeros, never NaN', () => {
    const plan = createTimeStatsPlan({ length: 64, kurtosis: 'pearson' });
    const out = new Float32Array(plan.outputLength).fill(NaN);
    computeTimeStats(plan, new Float32Array(64), out);
    expect(Array.from(out)).toEqual(new Array(8).fill(0));
  });

  it('counts zeros as positive for zero crossings', () => {
    const plan = createTimeStatsPlan({ length: 5, stats: ['zeroCrossingRate'] });
    const out = new Float64Array(1);
    computeTimeStats(plan, f32([1, 0, -1, 0, 2]), out); // crossings: 0→-1 and -1→0
    expect(out[0]).toBe(2 / 4);
    computeTimeStats(plan, f32([0, 0, 0, 1, 3]), out);
    expect(out[0]).toBe(0);
  });

  it('gives Pearson kurtosis near 3 and Fisher near 0 for long Gaussian noise', () => {
    // Box-Muller from a fixed seed: sampling error of kurtosis for N = 2^16 is about sqrt(24/N) = 0.02.
    const n = 1 << 16;
    const x = new Float32Array(n);
    let s = 12345;
    const u = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
    for (let i = 0; i < n; i++) x[i] = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    const out = new Float64Array(2);
    computeTimeStats(createTimeStatsPlan({ length: n, stats: ['kurtosis', 'skewness'], kurtosis: 'pearson' }), x, out);
    expect(out[0]).toBeCloseTo(3, 1);
    expect(Math.abs(out[1]!)).toBeLessThan(0.05);
    computeTimeStats(createTimeStatsPlan({ length: n, stats: ['kurtosis'] }), x, out);
    expect(Math.abs(out[0]!)).toBeLessThan(0.1);
  });

  it('emits one stats frame per input frame through the operator, streaming equal to batch', async () => {
    const c = golden.cases[0]!;
    const signal = new Float32Array(4000).map((_, i) => Math.sin(i * 0.05) + 0.3 * Math.sin(i * 1.3));
    const pipeline = [frames({ length: 480, hop: 160 }), timeStats({ length: 480 })] as const;
    const run = (chunks: ReturnType<typeof randomChunks>): Promise<number[][]> =>
      runOperator(chunks, (src) => src.pipe(...pipeline)).then((fs) => fs.map((f) => Array.from(f.data)));
    const batch = await run([wholeChunk(signal, 1000)]);
    expect(batch.length).toBe(23);
    for (const seed of [1, 2, 3]) expect(await run(randomChunks(signal, 1000, 1, seed, 333))).toEqual(batch);

    const out = await lastValueFrom(
      from([{ data: f32(c.samples), index: 960, sampleRate: 16000, channels: 1 }]).pipe(timeStats({ length: 480 }), toArray()),
    );
    expect(out[0]!.index).toBe(960);
    expect(maxRelativeError(c.expected, out[0]!.data, FLOOR)).toBeLessThan(1e-7);
  });

  it('turns NaN samples and wrong-length frames into error notifications', async () => {
    const bad = new Float32Array(8);
    bad[5] = NaN;
    const run = (data: Float32Array): Promise<unknown> =>
      lastValueFrom(from([{ data, index: 100, sampleRate: 10, channels: 1 }]).pipe(timeStats({ length: 8 })));
    await expect(run(bad)).rejects.toThrow(/timeStats: sample 105 is NaN; expected a finite number/);
    await expect(run(new Float32Array(9))).rejects.toThrow(/timeStats: frame of 9 values x 1 channel\(s\); expected 8 values/);
  });

  it('rejects bad options before processing, naming the argument', () => {
    expect(() => createTimeStatsPlan({ length: 0 })).toThrow(/timeStats: length = 0; expected an integer in 1\.\./);
    expect(() => createTimeStatsPlan({ length: 4, stats: [] })).toThrow(ParameterError);
    expect(() => createTimeStatsPlan({ length: 4, stats: ['rms', 'variance' as TimeStat] })).toThrow(/stats\[1\] = "variance"; expected one of "mean"/);
    expect(() => createTimeStatsPlan({ length: 4, stats: ['rms', 'rms'] })).toThrow(/stats\[1\] = "rms".*duplicate/);
    expect(() => createTimeStatsPlan({ length: 4, kurtosis: 'excess' as 'fisher' })).toThrow(/kurtosis = "excess"; expected one of "fisher", "pearson"/);
    expect(() => createTimeStatsPlan({ length: 4, stat: ['rms'] } as never)).toThrow(/stat = .*no such option/);
  });
});
