/*
 * Host test harness of the C front end: float32 samples in, float32 features out (width per frame).
 *   sk_mfcc_file samples.f32 features.f32
 * Built with -DSK_FEATURES=<name>_features -DSK_SCRATCH=<floats> next to the exported feature sources.
 */
#include <stdio.h>
#include <stdlib.h>
#include "sk_mfcc.h"

extern const sk_mfcc_tables SK_FEATURES;
static float scratch[SK_SCRATCH];

int main(int argc, char **argv) {
  FILE *in;
  FILE *out;
  long bytes;
  size_t count, frames;
  float *samples;
  float *features;
  if (argc != 3) {
    fprintf(stderr, "usage: %s samples.f32 features.f32\n", argv[0]);
    return 2;
  }
  in = fopen(argv[1], "rb");
  if (in == NULL || fseek(in, 0, SEEK_END) != 0 || (bytes = ftell(in)) < 0 || fseek(in, 0, SEEK_SET) != 0) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  count = (size_t)bytes / sizeof(float);
  samples = malloc(count * sizeof(float) + 1); /* the harness may allocate; the runtime never does */
  features = malloc((count / SK_FEATURES.hop + 1) * SK_FEATURES.width * sizeof(float) + 1);
  if (samples == NULL || features == NULL || fread(samples, sizeof(float), count, in) != count) return 1;
  fclose(in);
  frames = sk_mfcc_window(&SK_FEATURES, samples, count, scratch, features);
  out = fopen(argv[2], "wb");
  if (out == NULL || fwrite(features, sizeof(float), frames * SK_FEATURES.width, out) != frames * SK_FEATURES.width) return 1;
  fclose(out);
  free(samples);
  free(features);
  return 0;
}
