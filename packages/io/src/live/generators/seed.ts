/**
 * An independent 32-bit seed for term `term` of channel `channel`, derived from the user's seed, so two
 * noise terms or two channels never repeat the same sequence by accident. Integer hash (murmur3 fmix32
 * over a combined word): cheap, and identical on every machine.
 */
export function deriveSeed(seed: number, channel: number, term: number): number {
  let h = (seed >>> 0) ^ Math.imul(channel + 1, 0x9e3779b1) ^ Math.imul(term + 1, 0x85ebca77);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
