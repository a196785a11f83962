#include "sk_fixed_point.h"
#include "sk_kernels.h"

/* Depthwise, channel multiplier 1: out[y][x][c] = requantize(bias[c] + sum over taps of (in[..][c] - zp_in) * w[ky][kx][c]). */
void sk_depthwise_conv2d(const sk_op *op, int32_t in_zp, int32_t out_zp, const int8_t *x, int8_t *y) {
  const int32_t channels = op->out_c;
  int32_t oy, ox, c, ky, kx;
  for (oy = 0; oy < op->out_h; oy++) {
    for (ox = 0; ox < op->out_w; ox++) {
      for (c = 0; c < channels; c++) {
        int32_t acc = op->bias[c];
        for (ky = 0; ky < op->kernel_h; ky++) {
          const int32_t iy = oy * op->stride_h + ky - op->pad_top;
          if (iy < 0 || iy >= op->in_h) continue;
          for (kx = 0; kx < op->kernel_w; kx++) {
            const int32_t ix = ox * op->stride_w + kx - op->pad_left;
            if (ix < 0 || ix >= op->in_w) continue;
            acc += ((int32_t)x[((size_t)iy * op->in_w + (size_t)ix) * (size_t)op->in_c + (size_t)c] - in_zp) *
                   op->weights[((size_t)ky * op->kernel_w + (size_t)kx) * (size_t)channels + (size_t)c];
          }
        }
        y[((size_t)oy * op->out_w + (size_t)ox) * (size_t)channels + (size_t)c] =
            sk_requantize(acc, op->multiplier[c], op->shift[c], out_zp, op->clamp_min, op->clamp_max);
      }
    }
  }
}
