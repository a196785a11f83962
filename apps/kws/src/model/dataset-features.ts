import type { KeywordClip, KeywordDataset } from '../data/read-dataset.js';
import { windowFeatures, type KwsFrontEnd } from '../features/front-end.js';

/** Features of a set of clips, frame-major, one window per clip, and their class indices. */
export interface ClipFeatures {
  x: Float32Array;
  y: Int32Array;
  count: number;
}

/**
 * Computes the (raw, not normalised) window features of `clips`. MFCC runs at ~50k frames/s, so a
 * 10k-clip dataset takes about 10 s: cheaper than keeping a cache in sync with the front end.
 */
export async function clipFeatures(data: KeywordDataset, clips: readonly KeywordClip[], fe: KwsFrontEnd): Promise<ClipFeatures> {
  const size = fe.frames * fe.width;
  const x = new Float32Array(clips.length * size);
  const y = new Int32Array(clips.length);
  for (let i = 0; i < clips.length; i++) {
    const clip = clips[i]!;
    windowFeatures(fe, await data.readSamples(clip), x.subarray(i * size, (i + 1) * size));
    y[i] = clip.labelIndex;
  }
  return { x, y, count: clips.length };
}

/** Loss weight per class, n / (classes * count): every class counts as much as any other in training. */
export function balancedClassWeights(y: Int32Array, classes: number): Record<number, number> {
  const counts = new Array<number>(classes).fill(0);
  for (const c of y) counts[c]!++;
  return Object.fromEntries(counts.map((n, c) => [c, n > 0 ? y.length / (classes * n) : 1]));
}
