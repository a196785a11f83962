import { createRandom } from '@sensorkit/dsp';
import { describe, expect, it } from 'vitest';
import { cropSpectrum, reduceSpectrum, roundSignificant } from './spectrum-reduce.js';

describe('reduceSpectrum', () => {
  it('returns a short spectrum unchanged', () => {
    const out = reduceSpectrum([0, 10, 20], [-3, -2, -1], 16);
    expect(out).toEqual({ hz: [0, 10, 20], values: [-3, -2, -1] });
  });

  it('keeps the maximum of every bucket with its own frequency, so a single-bin line survives', () => {
    const random = createRandom(7);
    const n = 8193;
    const hz = Array.from({ length: n }, (_, i) => i * 0.78125);
    const db = Array.from({ length: n }, () => -80 + 4 * random.gaussian());
    db[3001] = -12.5;
    const out = reduceSpectrum(hz, db, 1024);
    expect(out.hz).toHaveLength(1024);
    const at = out.hz.indexOf(hz[3001]!);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(out.values[at]).toBe(-12.5);
    for (let b = 0; b < 1024; b++) {
      const start = Math.floor((b * n) / 1024);
      const end = Math.floor(((b + 1) * n) / 1024);
      expect(out.values[b]).toBe(Math.max(...db.slice(start, end)));
      if (b > 0) expect(out.hz[b]!).toBeGreaterThan(out.hz[b - 1]!);
    }
  });

  it('replaces -Infinity dB (an empty bin) by the lowest finite value and +Infinity by the highest', () => {
    const out = reduceSpectrum([0, 1, 2, 3], [-Infinity, -40, -10, Infinity], 8);
    expect(out.values).toEqual([-40, -40, -10, -10]);
  });
});

describe('cropSpectrum and roundSignificant', () => {
  it('crops to a closed frequency range', () => {
    expect(cropSpectrum({ hz: [0, 5, 10, 15], values: [1, 2, 3, 4] }, 5, 10)).toEqual({ hz: [5, 10], values: [2, 3] });
  });

  it('rounds to significant digits and leaves 0 and non-finite values alone', () => {
    expect(roundSignificant(-73.456789, 4)).toBe(-73.46);
    expect(roundSignificant(0.000123456, 3)).toBe(0.000123);
    expect(roundSignificant(0, 4)).toBe(0);
    expect(roundSignificant(-Infinity, 4)).toBe(-Infinity);
  });
});
