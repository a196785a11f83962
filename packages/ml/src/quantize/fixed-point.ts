/*
 * The integer requantization arithmetic of gemmlowp / TensorFlow Lite, written for exact results in
 * JavaScript numbers: every intermediate is an integer below 2^53, so the TypeScript reference and the
 * C runtime (int64 products) agree bit for bit. A real multiplier M > 0 is stored as an int32 Q0.31
 * mantissa q in [2^30, 2^31) and a power-of-two exponent: M = q * 2^(shift - 31).
 */

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const TWO_31 = 2147483648;

/** An int32 fixed-point multiplier: value = multiplier * 2^(shift - 31); shift > 0 shifts left. */
export interface QuantizedMultiplier {
  multiplier: number;
  shift: number;
}

/**
 * Splits a real multiplier into a Q0.31 mantissa and a shift (TFLite's QuantizeMultiplier). Multipliers
 * too small for a 31-bit right shift become zero; left shifts are limited to 30 so `x * 2^shift` saturates
 * rather than wraps.
 * @example
 * quantizeMultiplier(0.0123); // { multiplier: 1690499103, shift: -6 }
 */
export function quantizeMultiplier(real: number): QuantizedMultiplier {
  if (!(real >= 0) || !Number.isFinite(real)) throw new RangeError(`quantizeMultiplier: multiplier = ${real}; expected a finite number >= 0`);
  if (real === 0) return { multiplier: 0, shift: 0 };
  let shift = Math.floor(Math.log2(real)) + 1;
  let mantissa = real / 2 ** shift; // in [0.5, 1), up to log2 rounding
  while (mantissa >= 1) {
    mantissa /= 2;
    shift++;
  }
  while (mantissa < 0.5) {
    mantissa *= 2;
    shift--;
  }
  let q = Math.round(mantissa * TWO_31);
  if (q === TWO_31) {
    q /= 2;
    shift++;
  }
  if (shift < -31) return { multiplier: 0, shift: 0 };
  if (shift > 30) throw new RangeError(`quantizeMultiplier: multiplier = ${real}; expected below 2^30`);
  return { multiplier: q, shift };
}

/**
 * (a * b + 2^30) / 2^31 rounded half away from zero, saturating the one overflow case (both INT32_MIN):
 * gemmlowp's SaturatingRoundingDoublingHighMul. The 62-bit product is split so that every partial sum
 * stays exact in a double.
 */
export function saturatingRoundingDoublingHighMul(a: number, b: number): number {
  if (a === INT32_MIN && b === INT32_MIN) return INT32_MAX;
  const bLow = b & 0xffff; // 0..65535
  const bHigh = (b - bLow) / 65536; // signed, |bHigh| <= 2^15
  const nudge = (a >= 0) === (b >= 0) || a === 0 || b === 0 ? 1073741824 : 1 - 1073741824;
  const high = a * bHigh; // |high| < 2^46, exact
  const low = a * bLow + nudge; // |low| < 2^48, exact
  // a*b + nudge = high * 2^16 + low = hq * 2^31 + rest, with high = hq * 2^15 + hr.
  const hq = Math.floor(high / 32768);
  const hr = high - hq * 32768;
  const rest = hr * 65536 + low;
  const restFloor = Math.floor(rest / TWO_31);
  const floor = hq + restFloor;
  const remainder = rest - restFloor * TWO_31;
  // C's int64 division truncates toward zero.
  return floor < 0 && remainder !== 0 ? floor + 1 : floor;
}

/** x / 2^exponent rounded to nearest, ties away from zero (gemmlowp's RoundingDivideByPOT), exponent 0..31. */
export function roundingDivideByPot(x: number, exponent: number): number {
  if (exponent === 0) return x;
  const mask = exponent === 31 ? INT32_MAX : (1 << exponent) - 1;
  const remainder = x & mask;
  const threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/**
 * x * multiplier * 2^(shift - 31), rounded: TFLite's MultiplyByQuantizedMultiplier, except that the left
 * shift saturates to int32 instead of overflowing (which would be undefined behaviour in C).
 */
export function multiplyByQuantizedMultiplier(x: number, multiplier: number, shift: number): number {
  const left = shift > 0 ? shift : 0;
  const right = shift > 0 ? 0 : -shift;
  let scaled = x;
  if (left > 0) scaled = Math.min(INT32_MAX, Math.max(INT32_MIN, x * 2 ** left));
  return roundingDivideByPot(saturatingRoundingDoublingHighMul(scaled, multiplier), right);
}
