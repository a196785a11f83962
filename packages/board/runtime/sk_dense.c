#include "sk_fixed_point.h"
#include "sk_kernels.h"

/* out[o] = requantize(bias[o] + sum_i (x[i] - zp_in) * w[o][i]) */
void sk_dense(const sk_op *op, int32_t in_zp, int32_t out_zp, const int8_t *x, int8_t *y) {
  const uint32_t n = (uint32_t)op->in_h * op->in_w * op->in_c;
  const uint32_t units = (uint32_t)op->out_h * op->out_w * op->out_c;
  uint32_t o, i;
  for (o = 0; o < units; o++) {
    const int8_t *w = op->weights + (size_t)o * n;
    int32_t acc = op->bias[o];
    for (i = 0; i < n; i++) acc += ((int32_t)x[i] - in_zp) * w[i];
    y[o] = sk_requantize(acc, op->multiplier[o], op->shift[o], out_zp, op->clamp_min, op->clamp_max);
  }
}
