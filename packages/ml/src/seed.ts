import * as tf from '@tensorflow/tfjs';
import { createRandom, requireInteger, type Random } from '@sensorkit/dsp';

/*
 * TF.js has no global seed: its random ops take a seed each, and Layers initialisers default to
 * Math.random. The kit keeps its own seed stream instead: setSeed resets it, and every model builder or
 * training run that is not given a seed draws the next one from it, so a script that calls setSeed once
 * repeats exactly, and two models built after it still differ from each other.
 */

const MAX_SEED = 0xffffffff;
let stream: Random = createRandom(0);

/**
 * Restarts the kit's seed stream: weight initialisation (denseNetwork) and shuffling (trainModel) that are
 * not given a seed of their own draw from it, so the same seed repeats a whole run.
 * @example
 * setSeed(42);
 * const model = denseNetwork({ inputs: 8, layers: [4, 8] });   // same weights every run
 */
export function setSeed(seed: number): void {
  stream = createRandom(requireInteger('setSeed', 'seed', seed, 0, MAX_SEED));
}

/** The next seed (an integer in 0..2^32-1) from the stream that setSeed restarts. */
export function nextSeed(): number {
  return Math.floor(stream.uniform() * (MAX_SEED + 1));
}

/** A seed derived from `seed` for the `index`-th consumer (layer, epoch): distinct, repeatable, 0..2^32-1. */
export function deriveSeed(seed: number, index: number): number {
  const random = createRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  return Math.floor(random.uniform() * (MAX_SEED + 1));
}

export type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

/** Seeded Glorot-uniform kernel and zero bias initialisers for one layer: same seed, same weights. */
export function seededInitializers(seed: number): { kernelInitializer: Initializer; biasInitializer: Initializer } {
  requireInteger('seededInitializers', 'seed', seed, 0, MAX_SEED);
  return {
    kernelInitializer: tf.initializers.glorotUniform({ seed }),
    biasInitializer: tf.initializers.zeros(),
  };
}

/** A uniformly random permutation of 0..n-1 (Fisher-Yates over createRandom): the same random gives the same order. */
export function seededPermutation(n: number, random: Random): Int32Array {
  requireInteger('seededPermutation', 'n', n, 0);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.uniform() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
