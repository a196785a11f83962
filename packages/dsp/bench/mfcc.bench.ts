import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import meydaModule from 'meyda';
import { createMfccPlan, mfcc } from '../src/index.js';
import { formatRate, heapGrowth, measureRate, printTable } from './measure.js';

/** The part of Meyda's singleton API the bench uses (its CommonJS build's types do not resolve under NodeNext). */
interface MeydaLike {
  bufferSize: number;
  sampleRate: number;
  melBands: number;
  numberOfMFCCCoefficients: number;
  windowingFunction: string;
  extract(feature: string, signal: Float32Array): unknown;
}
const Meyda = ((meydaModule as unknown as { default?: MeydaLike }).default ?? meydaModule) as unknown as MeydaLike;

/** The benchmark configuration shared by all three implementations (Meyda's fixed choices: 0..Nyquist, Hann). */
const CONFIG = { sampleRate: 16000, frameLength: 512, fftSize: 512, bands: 40, coefficients: 10, fMin: 0, fMax: 8000 } as const;

function testFrames(count: number): Float32Array[] {
  let s = 12345;
  return Array.from({ length: count }, () =>
    new Float32Array(512).map(() => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return ((s >>> 8) & 0xffff) / 65536 - 0.5;
    }),
  );
}

/** Compiles and runs the plain C reference (bench/c/mfcc.c) with -O2, if a C compiler is present. */
function cFramesPerSecond(): number | undefined {
  const source = fileURLToPath(new URL('./c/mfcc.c', import.meta.url));
  const dir = join(tmpdir(), 'sensorkit-bench');
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, 'mfcc-c');
  try {
    if (!existsSync(binary)) execFileSync('cc', ['-O2', '-o', binary, source, '-lm'], { stdio: 'pipe' });
    let best = 0;
    for (let r = 0; r < 3; r++) best = Math.max(best, Number(execFileSync(binary, ['500000']).toString().split(' ')[0]));
    return best;
  } catch {
    return undefined;
  }
}

export interface MfccBenchResult {
  sensorkit: number;
  meyda: number;
  c: number | undefined;
  heapBytesPerMillionFrames: number;
  gcExposed: boolean;
}

export function runMfccBench(seconds = 2): MfccBenchResult {
  const frames = testFrames(16);
  const plan = createMfccPlan(CONFIG);
  const out = new Float32Array(CONFIG.coefficients);
  const ours = measureRate((i) => mfcc(plan, frames[i & 15]!, out), seconds);

  Object.assign(Meyda, { bufferSize: 512, sampleRate: 16000, melBands: 40, numberOfMFCCCoefficients: 10, windowingFunction: 'hanning' });
  const meyda = measureRate((i) => Meyda.extract('mfcc', frames[i & 15]!), Math.min(seconds, 1), 3);

  const heap = heapGrowth((i) => mfcc(plan, frames[i & 15]!, out), 1_000_000);
  const c = cFramesPerSecond();
  printTable(
    'MFCC, one frame of 512 samples -> 10 coefficients (512-point FFT, 40 mel bands), one core',
    ['implementation', 'frames/s', 'us/frame', 'vs Meyda'],
    [
      ['sensorkit (TypeScript)', formatRate(ours.perSecond), ours.microseconds.toFixed(2), `${(ours.perSecond / meyda.perSecond).toFixed(1)}x`],
      ['Meyda 5.6 (JavaScript)', formatRate(meyda.perSecond), meyda.microseconds.toFixed(2), '1.0x'],
      c === undefined ? ['plain C -O2', 'no C compiler', '-', '-'] : ['plain C -O2 (bench/c/mfcc.c)', formatRate(c), (1e6 / c).toFixed(2), `${(c / meyda.perSecond).toFixed(1)}x`],
    ],
  );
  console.log(
    `heap growth over 1,000,000 MFCC frames: ${(heap.bytes / 1024).toFixed(1)} KiB${heap.gcExposed ? '' : ' (no --expose-gc: includes uncollected garbage)'}`,
  );
  return { sensorkit: ours.perSecond, meyda: meyda.perSecond, c, heapBytesPerMillionFrames: heap.bytes, gcExposed: heap.gcExposed };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) runMfccBench();
