/**
 * A 32-bit seed for one named thing (a clip, a voice's rendition) from the dataset seed: FNV-1a over
 * the seed and the parts. Every clip draws from its own seed, so neither the order in which parallel
 * jobs finish nor the size of the rest of the dataset changes it.
 * @example
 * createRandom(derivedSeed(1, 'clip', 'yes', 'espeak-ng:en-us+f3', 0));
 */
export function derivedSeed(seed: number, ...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of `${seed}|${parts.join('|')}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** `items` in a seeded random order (Fisher-Yates), as a new array. */
export function shuffled<T>(items: readonly T[], random: { uniform(): number }): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.uniform() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
