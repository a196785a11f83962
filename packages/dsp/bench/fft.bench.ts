/**
 * Real-FFT speed: this kit's engine against fft.js (the library it replaced), one core.
 * Run alone with `npx tsx packages/dsp/bench/fft.bench.ts` (about 20 s), or through `pnpm bench`.
 *
 * The engines are timed in alternating short rounds and each keeps its best round: on a shared or
 * hyperthreaded machine another process can slow a whole second of work by 2x, and alternating keeps
 * such a stretch from landing on one engine only. Expect about 10% between runs on a busy machine.
 */
import { pathToFileURL } from 'node:url';
import FFT from 'fft.js';
import { createFftPlan, powerSpectrum, realFft } from '../src/fft.js';
import { formatRate, printTable, type Rate } from './measure.js';

export interface FftBenchRow {
  /** transform length in samples */
  size: number;
  /** realFft: interleaved half spectrum, bins 0..size/2 */
  sensorkit: Rate;
  /** powerSpectrum: |X[k]|^2 straight from the frame (the MFCC hot path) */
  sensorkitPower: Rate;
  /** fft.js realTransform, which fills the same bins 0..size/2 */
  fftjs: Rate;
  /** fft.js time / sensorkit realFft time */
  speedup: number;
}

export const FFT_BENCH_SIZES = [128, 256, 512, 1024, 2048, 4096] as const;

function frames(size: number): Float32Array[] {
  let s = 2024;
  return Array.from({ length: 8 }, () =>
    new Float32Array(size).map(() => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return ((s >>> 8) & 0xffff) / 65536 - 0.5;
    }),
  );
}

/** Times the ops in alternating rounds of about `roundMs` for `seconds` in all; best round per op. */
function bestRates(ops: readonly ((i: number) => void)[], seconds: number, roundMs = 10): Rate[] {
  const batch = ops.map((op) => {
    // warm up (JIT tiers) and size each op's batch to about roundMs
    let count = 0;
    const start = performance.now();
    while (performance.now() - start < 200) for (let j = 0; j < 10; j++) op(count++);
    return Math.max(10, Math.round((count * roundMs) / (performance.now() - start)));
  });
  const best = ops.map(() => Infinity);
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end; ) {
    ops.forEach((op, k) => {
      const n = batch[k]!;
      const start = performance.now();
      for (let j = 0; j < n; j++) op(i++);
      best[k] = Math.min(best[k]!, (performance.now() - start) / n);
    });
  }
  return best.map((ms) => ({ perSecond: 1000 / ms, microseconds: 1000 * ms }));
}

/** Measures every size in FFT_BENCH_SIZES, spending `seconds` per size on the three engines together. */
export async function runFftBench(seconds = 2.5): Promise<FftBenchRow[]> {
  const rows: FftBenchRow[] = [];
  for (const size of FFT_BENCH_SIZES) {
    const input = frames(size);
    const plan = createFftPlan({ size });
    const spectrum = new Float32Array(2 * plan.bins);
    const power = new Float32Array(plan.bins);
    const engine = new FFT(size);
    const out = engine.createComplexArray() as number[];
    const [sensorkit, sensorkitPower, fftjs] = bestRates(
      [
        (i) => realFft(plan, input[i & 7]!, spectrum),
        (i) => powerSpectrum(plan, input[i & 7]!, power),
        (i) => engine.realTransform(out, input[i & 7]!),
      ],
      seconds,
    ) as [Rate, Rate, Rate];
    rows.push({ size, sensorkit, sensorkitPower, fftjs, speedup: fftjs.microseconds / sensorkit.microseconds });
    // let a pending timer or GC run between sizes instead of inside a timed round
    await new Promise((resolve) => setImmediate(resolve));
  }
  printTable(
    'Real FFT, one core (best round): this engine vs fft.js',
    ['size', 'sensorkit realFft /s', 'us', 'powerSpectrum us', 'fft.js realTransform /s', 'us', 'speedup'],
    rows.map((r) => [
      r.size,
      formatRate(r.sensorkit.perSecond),
      r.sensorkit.microseconds.toFixed(2),
      r.sensorkitPower.microseconds.toFixed(2),
      formatRate(r.fftjs.perSecond),
      r.fftjs.microseconds.toFixed(2),
      `${r.speedup.toFixed(2)}x`,
    ]),
  );
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runFftBench();
}
