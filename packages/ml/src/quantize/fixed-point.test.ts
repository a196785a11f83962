import { describe, expect, it } from 'vitest';
import { createRandom } from '@sensorkit/dsp';
import { multiplyByQuantizedMultiplier, quantizeMultiplier, roundingDivideByPot, saturatingRoundingDoublingHighMul } from './fixed-point.js';

// Reference definitions in BigInt, transcribed from gemmlowp's fixedpoint.h semantics (int64 product, C division).
function srdhmRef(a: number, b: number): number {
  if (a === -2147483648 && b === -2147483648) return 2147483647;
  const ab = BigInt(a) * BigInt(b);
  const nudge = ab >= 0n ? 1n << 30n : 1n - (1n << 30n);
  return Number((ab + nudge) / (1n << 31n)); // BigInt division truncates, as C's
}
function rdbpRef(x: number, e: number): number {
  const mask = (1n << BigInt(e)) - 1n;
  const remainder = BigInt(x) & mask;
  const threshold = (mask >> 1n) + (x < 0 ? 1n : 0n);
  return Number((BigInt(x) >> BigInt(e)) + (remainder > threshold ? 1n : 0n));
}

describe('fixed-point requantization', () => {
  const random = createRandom(7);
  const int32 = (): number => {
    const kind = random.uniform();
    if (kind < 0.1) return [-2147483648, 2147483647, 0, 1, -1, 1 << 30, -(1 << 30)][Math.floor(random.uniform() * 7)]!;
    if (kind < 0.5) return Math.floor((random.uniform() - 0.5) * 2 ** 16);
    return Math.floor((random.uniform() - 0.5) * 2 ** 32);
  };

  it('SaturatingRoundingDoublingHighMul equals the int64 definition, edge cases included', () => {
    const cases: [number, number][] = [[-2147483648, -2147483648], [-2147483648, 2147483647], [2147483647, 2147483647], [-1, 1 << 30], [1, 1 << 30], [-3, 1073741825]];
    for (let i = 0; i < 20000; i++) cases.push([int32(), int32()]);
    for (const [a, b] of cases) expect(saturatingRoundingDoublingHighMul(a, b), `${a} * ${b}`).toBe(srdhmRef(a, b));
  });

  it('RoundingDivideByPOT rounds half away from zero like gemmlowp', () => {
    expect(roundingDivideByPot(5, 1)).toBe(3);
    expect(roundingDivideByPot(-5, 1)).toBe(-3);
    expect(roundingDivideByPot(-4, 3)).toBe(-1);
    for (let i = 0; i < 20000; i++) {
      const x = int32();
      const e = Math.floor(random.uniform() * 32);
      expect(roundingDivideByPot(x, e), `${x} >> ${e}`).toBe(rdbpRef(x, e));
    }
  });

  it('quantizeMultiplier keeps the mantissa in [2^30, 2^31) and the value to 2^-31 relative', () => {
    for (const real of [1e-9, 0.0123, 0.5, 0.999999999, 1, 1.5, 37.25, 1000]) {
      const { multiplier, shift } = quantizeMultiplier(real);
      expect(multiplier).toBeGreaterThanOrEqual(2 ** 30);
      expect(multiplier).toBeLessThan(2 ** 31);
      expect(Math.abs(multiplier * 2 ** (shift - 31) - real) / real).toBeLessThan(2 ** -30);
    }
    expect(quantizeMultiplier(0)).toEqual({ multiplier: 0, shift: 0 });
    expect(quantizeMultiplier(1e-12)).toEqual({ multiplier: 0, shift: 0 });
    expect(() => quantizeMultiplier(-1)).toThrow(/multiplier = -1/);
  });

  it('multiplyByQuantizedMultiplier approximates x * M to within one step, saturating left shifts', () => {
    for (const real of [0.00071, 0.3, 0.99, 2.5, 300]) {
      const { multiplier, shift } = quantizeMultiplier(real);
      for (let i = 0; i < 2000; i++) {
        const x = Math.floor((random.uniform() - 0.5) * 2 ** 20);
        expect(Math.abs(multiplyByQuantizedMultiplier(x, multiplier, shift) - x * real)).toBeLessThanOrEqual(1);
      }
    }
    // 2^30 * 2^9 saturates at INT32_MAX before the mantissa (300 / 512) applies.
    const { multiplier, shift } = quantizeMultiplier(300);
    expect(shift).toBe(9);
    expect(multiplyByQuantizedMultiplier(2 ** 30, multiplier, shift)).toBe(srdhmRef(2147483647, multiplier));
  });
});
