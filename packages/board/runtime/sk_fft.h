/* In-place complex FFT (radix 2, decimation in time) of interleaved re, im floats. */
#ifndef SK_FFT_H
#define SK_FFT_H

#include <stdint.h>

/* x: n complex values (2n floats); twiddle: n / 2 pairs cos, sin of 2 pi k / n; n a power of two. */
void sk_fft(float *x, uint32_t n, const float *twiddle);

#endif /* SK_FFT_H */
