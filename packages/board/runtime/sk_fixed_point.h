/*
 * gemmlowp / TFLite fixed-point requantization, written without undefined or implementation-defined
 * behaviour: int64 products, no shifts of negative values, a left shift that saturates instead of
 * overflowing. The TypeScript reference is packages/ml/src/quantize/fixed-point.ts.
 */
#ifndef SK_FIXED_POINT_H
#define SK_FIXED_POINT_H

#include <stdint.h>

/* (a * b + 2^30) / 2^31, rounded half away from zero; saturates the one overflow (INT32_MIN squared). */
static inline int32_t sk_srdhm(int32_t a, int32_t b) {
  int64_t ab;
  int64_t nudge;
  if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
  ab = (int64_t)a * (int64_t)b;
  nudge = ab >= 0 ? ((int64_t)1 << 30) : (1 - ((int64_t)1 << 30));
  return (int32_t)((ab + nudge) / ((int64_t)1 << 31)); /* C division truncates toward zero */
}

/* x / 2^exponent rounded to nearest, ties away from zero; exponent in 0..31. */
static inline int32_t sk_rounding_divide_by_pot(int32_t x, int exponent) {
  const int64_t pot = (int64_t)1 << exponent;
  const int32_t mask = (int32_t)(pot - 1);
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  /* x - remainder is a multiple of 2^exponent: this division is exact, i.e. floor(x / 2^exponent). */
  const int32_t floored = (int32_t)(((int64_t)x - remainder) / pot);
  return floored + (remainder > threshold ? 1 : 0);
}

/* x * multiplier * 2^(shift - 31), rounded. */
static inline int32_t sk_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift) {
  const int left = shift > 0 ? shift : 0;
  const int right = shift > 0 ? 0 : -shift;
  int32_t scaled = x;
  if (left > 0) {
    const int64_t v = (int64_t)x * ((int64_t)1 << left);
    scaled = v > INT32_MAX ? INT32_MAX : v < INT32_MIN ? INT32_MIN : (int32_t)v;
  }
  return sk_rounding_divide_by_pot(sk_srdhm(scaled, multiplier), right);
}

/* Requantizes an accumulator of output channel c and applies the output zero point and the clamp. */
static inline int8_t sk_requantize(int32_t acc, int32_t multiplier, int shift, int32_t zero_point, int8_t lo, int8_t hi) {
  const int64_t v = (int64_t)sk_multiply_by_quantized_multiplier(acc, multiplier, shift) + zero_point;
  return (int8_t)(v < lo ? lo : v > hi ? hi : v);
}

#endif /* SK_FIXED_POINT_H */
