#include "sk_kernels.h"

/*
 * Average or max pooling on raw int8 values (input and output share scale and zero point). The average
 * counts only the window's samples inside the input and divides rounding half away from zero (TFLite).
 */
void sk_pool2d(const sk_op *op, const int8_t *x, int8_t *y) {
  const int is_max = op->kind == SK_OP_MAX_POOL2D;
  int32_t oy, ox, c, ky, kx;
  for (oy = 0; oy < op->out_h; oy++) {
    for (ox = 0; ox < op->out_w; ox++) {
      for (c = 0; c < op->out_c; c++) {
        int32_t acc = is_max ? -128 : 0;
        int32_t count = 0;
        for (ky = 0; ky < op->kernel_h; ky++) {
          const int32_t iy = oy * op->stride_h + ky - op->pad_top;
          if (iy < 0 || iy >= op->in_h) continue;
          for (kx = 0; kx < op->kernel_w; kx++) {
            const int32_t ix = ox * op->stride_w + kx - op->pad_left;
            int32_t v;
            if (ix < 0 || ix >= op->in_w) continue;
            v = x[((size_t)iy * op->in_w + (size_t)ix) * (size_t)op->in_c + (size_t)c];
            if (is_max) acc = v > acc ? v : acc;
            else acc += v;
            count++;
          }
        }
        if (!is_max && count > 0) acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
        y[((size_t)oy * op->out_w + (size_t)ox) * op->out_c + (size_t)c] = (int8_t)acc;
      }
    }
  }
}
