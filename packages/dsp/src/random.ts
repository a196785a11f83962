import { requireFinite } from './validate.js';

/** A seeded pseudo-random source: the same seed gives the same sequence on every machine. */
export interface Random {
  /** uniform in [0, 1) */
  uniform(): number;
  /** standard normal (mean 0, variance 1) */
  gaussian(): number;
}

/**
 * Seeded PRNG (mulberry32, 32-bit state) with Box-Muller normals: for test signals, noise generators and
 * data augmentation that must repeat run after run. Not for cryptography.
 * @example
 * const random = createRandom(42);
 * const noise = new Float32Array(1000).map(() => 0.1 * random.gaussian());
 */
export function createRandom(seed: number): Random {
  let state = requireFinite('random', 'seed', seed) >>> 0;
  let spare: number | undefined;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gaussian = (): number => {
    if (spare !== undefined) {
      const v = spare;
      spare = undefined;
      return v;
    }
    // 1 - u keeps the log argument in (0, 1].
    const r = Math.sqrt(-2 * Math.log(1 - uniform()));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  return { uniform, gaussian };
}
