/*
 * sensorkit front end in C: framing, window, FFT, mel filterbank, log and DCT of the kit's MFCC / log-mel
 * presets (e.g. mlperf-kws), float32, no allocation. Every table comes from the TypeScript plan of
 * @sensorkit/dsp (createMfccPlan) through `sensorkit export --features <preset>`, so the board computes
 * the host's features; the tests check them against the TypeScript DSP with an SNR floor.
 *
 *   static float scratch[KWS_FEATURES_SCRATCH];
 *   int frames = sk_mfcc_window(&kws_features, audio, 16000, scratch, features);   (49 x 10 for mlperf-kws)
 */
#ifndef SK_MFCC_H
#define SK_MFCC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  uint16_t frame_length, hop, fft_size;  /* samples; fft_size a power of two >= frame_length */
  uint16_t bands, width;                 /* mel bands; values per frame out (coefficients, or bands for log-mel) */
  uint16_t bin_start, bin_end;           /* spectrum bins the filterbank reads */
  uint8_t magnitude;                     /* 1: |X|, 0: |X|^2 */
  uint8_t apply_dct;                     /* 0: log-mel out */
  float spectrum_scale;
  float log_gain, log_offset, log_floor; /* out = log_gain * ln(max(x + offset, floor)) */
  const float *window;                   /* frame_length, periodic */
  const float *twiddle;                  /* fft_size / 2 pairs: cos, sin of 2 pi k / fft_size */
  const uint16_t *mel_segments;          /* bands + 2 bin edges of the shared-edge segments */
  const float *mel_rise;                 /* fft_size / 2 + 1: rising weight of each bin in its segment */
  const float *mel_band_scale;           /* bands */
  const float *dct;                      /* width x bands, row-major (scaling folded in) */
} sk_mfcc_tables;

/* floats of scratch sk_mfcc_frame / sk_mfcc_window need */
#define SK_MFCC_SCRATCH(fft_size, bands) (2u * (fft_size) + (bands))

/* Features of one frame (frame_length samples) into out (width values). */
void sk_mfcc_frame(const sk_mfcc_tables *t, const float *frame, float *scratch, float *out);

/* Frames a signal (no padding at the end, as tf.signal.frame) and writes width values per frame; returns the frame count. */
size_t sk_mfcc_window(const sk_mfcc_tables *t, const float *samples, size_t count, float *scratch, float *out);

#ifdef __cplusplus
}
#endif

#endif /* SK_MFCC_H */
