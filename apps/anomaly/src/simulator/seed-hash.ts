import { createRandom, type Random } from '@sensorkit/dsp';

/*
 * Random numbers addressed by position instead of drawn in sequence: every noise block and every
 * bearing impact gets its own generator, seeded from (machine seed, stream, position). That is what
 * lets a machine compute any stretch of its signal without computing what came before, so chunking
 * never changes a sample.
 */

/** Streams of random numbers a machine draws from; distinct salts keep them independent. */
export const SEED_STREAMS = { noise: 1, phases: 2, impacts: 3, drift: 4, variants: 5 } as const;

/** 32-bit hash of integers (murmur3's finalizer over a running mix). */
export function mixSeed(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    // Two 32-bit halves, so positions beyond 2^32 still hash apart.
    const lo = value >>> 0;
    const hi = Math.floor(value / 4294967296) >>> 0;
    for (const word of [lo, hi]) {
      h = Math.imul(h ^ word, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
    }
  }
  return h >>> 0;
}

/** A seeded generator for one position of one stream of a machine. */
export function randomAt(seed: number, stream: number, position: number): Random {
  return createRandom(mixSeed(seed, stream, position));
}
