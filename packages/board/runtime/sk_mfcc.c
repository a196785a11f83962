#include <math.h>
#include "sk_fft.h"
#include "sk_mfcc.h"

void sk_mfcc_frame(const sk_mfcc_tables *t, const float *frame, float *scratch, float *out) {
  float *x = scratch;                         /* 2 fft_size: the complex spectrum, then the power spectrum in place */
  float *energies = scratch + 2u * t->fft_size; /* bands */
  uint32_t i, k, b;
  float rising = 0.0f;
  for (i = 0; i < t->fft_size; i++) {
    x[2 * i] = i < t->frame_length ? frame[i] * t->window[i] : 0.0f;
    x[2 * i + 1] = 0.0f;
  }
  sk_fft(x, t->fft_size, t->twiddle);
  /* bin k's power overwrites x[k]: it was read from x[2k], x[2k + 1], at or after k */
  for (k = t->bin_start; k < t->bin_end; k++) {
    float p = x[2 * k] * x[2 * k] + x[2 * k + 1] * x[2 * k + 1];
    if (t->magnitude) p = sqrtf(p);
    x[k] = p * t->spectrum_scale;
  }
  /* shared-edge triangles: segment j feeds band j rising and band j - 1 falling */
  for (b = 0; b <= t->bands; b++) {
    float total = 0.0f, up = 0.0f;
    for (k = t->mel_segments[b]; k < t->mel_segments[b + 1]; k++) {
      total += x[k];
      up += t->mel_rise[k] * x[k];
    }
    if (b > 0) energies[b - 1] = (rising + total - up) * t->mel_band_scale[b - 1];
    rising = up;
  }
  for (b = 0; b < t->bands; b++) {
    const float v = energies[b] + t->log_offset;
    energies[b] = t->log_gain * logf(v > t->log_floor ? v : t->log_floor);
  }
  if (!t->apply_dct) {
    for (b = 0; b < t->bands; b++) out[b] = energies[b];
    return;
  }
  for (k = 0; k < t->width; k++) {
    const float *row = t->dct + (size_t)k * t->bands;
    float acc = 0.0f;
    for (b = 0; b < t->bands; b++) acc += row[b] * energies[b];
    out[k] = acc;
  }
}

size_t sk_mfcc_window(const sk_mfcc_tables *t, const float *samples, size_t count, float *scratch, float *out) {
  size_t frames, f;
  if (count < t->frame_length) return 0;
  frames = (count - t->frame_length) / t->hop + 1;
  for (f = 0; f < frames; f++) sk_mfcc_frame(t, samples + f * t->hop, scratch, out + f * t->width);
  return frames;
}
