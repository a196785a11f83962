#include "sk_kernels.h"

/*
 * Softmax to int8 (scale 1/256, zero point -128): e_i = table[max - x_i] (2^16 exp, made by the exporter),
 * out_i = (256 e_i + sum / 2) / sum - 128, saturated at 127. Integers only, so every target agrees.
 */
void sk_softmax(const sk_op *op, const int8_t *x, int8_t *y) {
  const uint32_t n = (uint32_t)op->in_h * op->in_w * op->in_c;
  int32_t max = -128;
  int32_t sum = 0;
  uint32_t i;
  for (i = 0; i < n; i++) max = x[i] > max ? x[i] : max;
  for (i = 0; i < n; i++) sum += op->table[max - x[i]];
  for (i = 0; i < n; i++) {
    const int32_t v = (op->table[max - x[i]] * 256 + sum / 2) / sum - 128;
    y[i] = (int8_t)(v > 127 ? 127 : v);
  }
}
