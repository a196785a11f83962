import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';

describe('createRandom', () => {
  it('repeats a sequence for a seed and differs between seeds', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const seqA = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(seqA);
  });

  it('has the moments of U[0,1) and N(0,1) over 200k draws', () => {
    const r = createRandom(1);
    const n = 200_000;
    let su = 0;
    let sg = 0;
    let sg2 = 0;
    let sg4 = 0;
    let min = 1;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      su += u;
      min = Math.min(min, u);
      const g = r.gaussian();
      sg += g;
      sg2 += g * g;
      sg4 += g ** 4;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(Math.abs(su / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(sg / n)).toBeLessThan(0.01);
    expect(Math.abs(sg2 / n - 1)).toBeLessThan(0.02);
    expect(Math.abs(sg4 / n - 3)).toBeLessThan(0.1); // Gaussian kurtosis
  });

  it('rejects a non-finite seed', () => {
    expect(() => createRandom(Number.NaN)).toThrow(/random: seed = NaN; expected a finite number/);
  });
});
