#include "sk_fft.h"

void sk_fft(float *x, uint32_t n, const float *twiddle) {
  uint32_t i, j = 0, len;
  /* bit-reversal permutation */
  for (i = 1; i < n; i++) {
    uint32_t bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const float re = x[2 * i], im = x[2 * i + 1];
      x[2 * i] = x[2 * j];
      x[2 * i + 1] = x[2 * j + 1];
      x[2 * j] = re;
      x[2 * j + 1] = im;
    }
  }
  for (len = 2; len <= n; len <<= 1) {
    const uint32_t half = len >> 1, step = n / len;
    uint32_t start, k;
    for (start = 0; start < n; start += len) {
      for (k = 0; k < half; k++) {
        /* forward transform: w = exp(-2 pi i k / len) = cos - i sin */
        const float wr = twiddle[2 * k * step], wi = -twiddle[2 * k * step + 1];
        float *a = x + 2 * (start + k);
        float *b = x + 2 * (start + k + half);
        const float tr = b[0] * wr - b[1] * wi;
        const float ti = b[0] * wi + b[1] * wr;
        b[0] = a[0] - tr;
        b[1] = a[1] - ti;
        a[0] += tr;
        a[1] += ti;
      }
    }
  }
}
