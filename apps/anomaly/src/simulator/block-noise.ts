import { randomAt, SEED_STREAMS } from './seed-hash.js';

/** Samples per independently seeded noise block. */
const BLOCK_SAMPLES = 4096;

/**
 * White Gaussian noise addressable by sample index: the signal is cut into blocks of 4096 samples, each
 * drawn from its own generator seeded by (seed, block number), so sample n has the same value however
 * the signal is chunked. The last two blocks are cached, as consecutive chunks reuse them.
 */
export class BlockNoise {
  private readonly cache = new Map<number, Float64Array>();

  constructor(private readonly seed: number) {}

  /** Adds rms * noise for samples [index, index + frames) to acc (acc[0] is sample `index`). */
  add(rms: number, index: number, frames: number, acc: Float64Array): void {
    if (rms === 0) return;
    let n = index;
    const end = index + frames;
    while (n < end) {
      const block = Math.floor(n / BLOCK_SAMPLES);
      const values = this.block(block);
      const offset = block * BLOCK_SAMPLES;
      const stop = Math.min(end, offset + BLOCK_SAMPLES);
      for (; n < stop; n++) acc[n - index] = acc[n - index]! + rms * values[n - offset]!;
    }
  }

  private block(block: number): Float64Array {
    let values = this.cache.get(block);
    if (values) return values;
    const random = randomAt(this.seed, SEED_STREAMS.noise, block);
    values = new Float64Array(BLOCK_SAMPLES);
    for (let i = 0; i < BLOCK_SAMPLES; i++) values[i] = random.gaussian();
    if (this.cache.size >= 2) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(block, values);
    return values;
  }
}
