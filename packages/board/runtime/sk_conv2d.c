#include "sk_fixed_point.h"
#include "sk_kernels.h"

/*
 * out[y][x][o] = requantize(bias[o] + sum over taps inside the input of (in - zp_in) * w[o][ky][kx][c]).
 * Taps on the zero padding are skipped: a real zero contributes nothing.
 */
void sk_conv2d(const sk_op *op, int32_t in_zp, int32_t out_zp, const int8_t *x, int8_t *y) {
  const int32_t cin = op->in_c;
  int32_t oy, ox, o, ky, kx, c;
  for (oy = 0; oy < op->out_h; oy++) {
    for (ox = 0; ox < op->out_w; ox++) {
      for (o = 0; o < op->out_c; o++) {
        int32_t acc = op->bias[o];
        for (ky = 0; ky < op->kernel_h; ky++) {
          const int32_t iy = oy * op->stride_h + ky - op->pad_top;
          if (iy < 0 || iy >= op->in_h) continue;
          for (kx = 0; kx < op->kernel_w; kx++) {
            const int32_t ix = ox * op->stride_w + kx - op->pad_left;
            const int8_t *px;
            const int8_t *w;
            if (ix < 0 || ix >= op->in_w) continue;
            px = x + ((size_t)iy * op->in_w + (size_t)ix) * (size_t)cin;
            w = op->weights + (((size_t)o * op->kernel_h + (size_t)ky) * op->kernel_w + (size_t)kx) * (size_t)cin;
            for (c = 0; c < cin; c++) acc += ((int32_t)px[c] - in_zp) * w[c];
          }
        }
        y[((size_t)oy * op->out_w + (size_t)ox) * op->out_c + (size_t)o] =
            sk_requantize(acc, op->multiplier[o], op->shift[o], out_zp, op->clamp_min, op->clamp_max);
      }
    }
  }
}
