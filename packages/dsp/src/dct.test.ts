import { describe, expect, it } from 'vitest';
import { rng, snrDb } from '../test/helpers.js';
import { applyDct, createDctTable, dctMatrix, lifterGain, type DctScaling } from './dct.js';

/** DCT-II straight from its definition, in double precision. */
function reference(x: Float32Array, count: number, scaling: DctScaling, lifter: number): number[] {
  const n = x.length;
  return Array.from({ length: count }, (_, k) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc += x[i]! * Math.cos((Math.PI * k * (2 * i + 1)) / (2 * n));
    const s = k === 0 && scaling === 'ortho' ? Math.sqrt(1 / n) : Math.sqrt(2 / n);
    return acc * s * lifterGain(lifter)(k);
  });
}

describe('folded DCT-II', () => {
  it.each([
    [40, 10, 'tensorflow', 0],
    [40, 13, 'ortho', 22],
    [13, 13, 'ortho', 0],
    [7, 5, 'tensorflow', 0],
    [1, 1, 'ortho', 0],
    [2, 2, 'ortho', 0],
  ] as const)('n = %i, %i outputs, %s scaling, lifter %i equals the definition', (n, count, scaling, lifter) => {
    const next = rng(n * 31 + count);
    const x = new Float32Array(n).map(() => 4 * next() - 2);
    const table = createDctTable(n, count, scaling, lifterGain(lifter));
    const out = new Float32Array(count + 1).fill(99);
    applyDct(table, x, out);
    expect(snrDb(reference(x, count, scaling, lifter), out.subarray(0, count))).toBeGreaterThan(130);
    expect(out[count]).toBe(99);
    // The unfolded matrix is the definition's basis.
    const m = dctMatrix(table);
    const viaMatrix = Array.from({ length: count }, (_, k) => x.reduce((acc, v, i) => acc + m[k * n + i]! * v, 0));
    expect(snrDb(reference(x, count, scaling, lifter), viaMatrix)).toBeGreaterThan(200);
  });
});
