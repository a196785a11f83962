import { describe, expect, it } from 'vitest';
import { createRandom, ParameterError } from '@sensorkit/dsp';
import { deriveSeed, nextSeed, seededPermutation, setSeed } from './seed.js';

describe('seededPermutation', () => {
  it('is a permutation of 0..n-1, repeatable for the same seed and different for another', () => {
    const a = seededPermutation(50, createRandom(7));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(seededPermutation(50, createRandom(7))).toEqual(a);
    expect(seededPermutation(50, createRandom(8))).not.toEqual(a);
    expect(seededPermutation(0, createRandom(1))).toEqual(new Int32Array(0));
  });

  it('draws each of the 6 orders of 3 items about equally often (Fisher-Yates, not a biased swap)', () => {
    const random = createRandom(3);
    const counts = new Map<string, number>();
    for (let i = 0; i < 12000; i++) {
      const key = Array.from(seededPermutation(3, random)).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // Binomial(12000, 1/6): sd ~41; a naive swap-with-any-index shuffle (27 equally likely paths onto 6
    // orders) puts 4/27 or 5/27 on each, i.e. 1778 or 2222 expected: off by 222.
    for (const count of counts.values()) expect(Math.abs(count - 2000)).toBeLessThan(130);
  });
});

describe('setSeed / nextSeed / deriveSeed', () => {
  it('setSeed restarts the stream: the same seeds come out again, others for another seed', () => {
    setSeed(42);
    const first = [nextSeed(), nextSeed(), nextSeed()];
    setSeed(42);
    expect([nextSeed(), nextSeed(), nextSeed()]).toEqual(first);
    setSeed(43);
    expect(nextSeed()).not.toBe(first[0]);
    for (const s of first) expect(Number.isInteger(s) && s >= 0 && s <= 0xffffffff).toBe(true);
    expect(new Set(first).size).toBe(3);
  });

  it('derives distinct, repeatable seeds per index', () => {
    const derived = Array.from({ length: 100 }, (_, i) => deriveSeed(5, i));
    expect(new Set(derived).size).toBe(100);
    expect(deriveSeed(5, 3)).toBe(derived[3]);
    expect(deriveSeed(6, 3)).not.toBe(derived[3]);
  });

  it('refuses a seed that is not a 32-bit unsigned integer', () => {
    expect(() => setSeed(-1)).toThrow(ParameterError);
    expect(() => setSeed(1.5)).toThrow(/setSeed: seed = 1.5; expected an integer in 0..4294967295/);
  });
});
