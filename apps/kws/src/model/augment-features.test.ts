import { describe, expect, it } from 'vitest';
import { augmentWindows } from './augment-features.js';

describe('augmentWindows', () => {
  // Two 6-frame x 4-coefficient windows whose value encodes (window, frame, coefficient), never 0.
  const x = Float32Array.from({ length: 2 * 24 }, (_, i) => 1 + Math.floor(i / 24) * 100 + Math.floor((i % 24) / 4) * 10 + (i % 4));
  const y = Int32Array.from([3, 5]);

  it('keeps the originals, repeats the labels, and builds each copy from shifted frames with one masked run of each kind', () => {
    const out = augmentWindows(x, y, 6, 4, { copies: 3, maxShift: 2, maxTimeMask: 2, maxFeatureMask: 1, seed: 9 });
    expect(Array.from(out.y)).toEqual([3, 5, 3, 5, 3, 5, 3, 5]);
    expect(Array.from(out.x.subarray(0, 48))).toEqual(Array.from(x));
    for (let c = 2; c < 8; c++) {
      const w = out.x.subarray(c * 24, (c + 1) * 24);
      const source = c % 2;
      for (let f = 0; f < 6; f++) {
        for (let k = 0; k < 4; k++) {
          const v = w[f * 4 + k]!;
          if (v === 0) continue; // masked
          // Unmasked values come from the same window and coefficient, at most 2 frames away.
          expect(Math.floor(v / 100)).toBe(source);
          expect((v - 1) % 10).toBe(k);
          expect(Math.abs(Math.floor(((v - 1) % 100) / 10) - f)).toBeLessThanOrEqual(2);
        }
      }
    }
    expect(Array.from(out.x.subarray(48)).some((v) => v === 0)).toBe(true);
    expect(augmentWindows(x, y, 6, 4, { copies: 3, seed: 9 }).x).toEqual(augmentWindows(x, y, 6, 4, { copies: 3, seed: 9 }).x);
  });
});
