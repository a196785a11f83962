import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { from, lastValueFrom, toArray, type Observable, type OperatorFunction } from 'rxjs';
import type { SampleChunk } from '../src/chunk.js';
import { createRandom } from '../src/random.js';

const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));

/** Reads a golden vector file written by scripts/make_golden.py (numpy/scipy references). */
export function loadGolden<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(`${goldenDir}${name}.json`, 'utf8')) as T;
}

/** Signal-to-noise ratio of `actual` against `reference` in dB (Infinity when identical). */
export function snrDb(reference: ArrayLike<number>, actual: ArrayLike<number>): number {
  if (reference.length !== actual.length) throw new Error(`length mismatch: reference ${reference.length}, actual ${actual.length}`);
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i]!;
    const d = r - actual[i]!;
    signal += r * r;
    noise += d * d;
  }
  if (noise === 0) return Infinity;
  return 10 * Math.log10(signal / noise);
}

/** Largest |a - b| / max(|b|, floor) over the arrays. */
export function maxRelativeError(reference: ArrayLike<number>, actual: ArrayLike<number>, floor = 1e-12): number {
  let worst = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i]!;
    worst = Math.max(worst, Math.abs(actual[i]! - r) / Math.max(Math.abs(r), floor));
  }
  return worst;
}

/** Deterministic uniform PRNG so chunkings and test signals repeat run after run. */
export function rng(seed: number): () => number {
  return createRandom(seed).uniform;
}

/** Splits interleaved samples into chunks of random sizes (1..maxFrames frames each), indices continuous. */
export function randomChunks(samples: Float32Array, sampleRate: number, channels = 1, seed = 1, maxFrames = 700): SampleChunk[] {
  const next = rng(seed);
  const chunks: SampleChunk[] = [];
  const total = samples.length / channels;
  let at = 0;
  while (at < total) {
    const n = Math.min(total - at, 1 + Math.floor(next() * maxFrames));
    chunks.push({ samples: samples.slice(at * channels, (at + n) * channels), sampleRate, channels, index: at });
    at += n;
  }
  return chunks;
}

/** One chunk holding the whole signal. */
export function wholeChunk(samples: Float32Array, sampleRate: number, channels = 1): SampleChunk {
  return { samples, sampleRate, channels, index: 0 };
}

/** Runs an operator over chunks and collects every emission. */
export function runOperator<T>(chunks: SampleChunk[], operator: OperatorFunction<SampleChunk, T>): Promise<T[]> {
  return lastValueFrom((from(chunks) as Observable<SampleChunk>).pipe(operator, toArray()));
}

/** Concatenates the sample arrays of emitted chunks. */
export function concatSamples(chunks: readonly { samples: Float32Array }[]): Float32Array {
  const total = chunks.reduce((n, c) => n + c.samples.length, 0);
  const out = new Float32Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c.samples, at);
    at += c.samples.length;
  }
  return out;
}

export function f32(values: ArrayLike<number>): Float32Array {
  return Float32Array.from(values);
}
