/*
 * Host test harness: runs every input of a file through the model and writes the outputs.
 *   sk_run_file inputs.bin outputs.bin   (inputs: N x input size int8; outputs: N x output size int8)
 * Built with -DSK_MODEL=<name>_model -DSK_ARENA_SIZE=<bytes> next to the exported model sources.
 */
#include <stdio.h>
#include <string.h>
#include "sk_runtime.h"

extern const sk_model SK_MODEL;
static int8_t arena[SK_ARENA_SIZE];

int main(int argc, char **argv) {
  FILE *in;
  FILE *out;
  size_t n = 0;
  const size_t in_size = sk_input_size(&SK_MODEL);
  const size_t out_size = sk_output_size(&SK_MODEL);
  if (argc != 3) {
    fprintf(stderr, "usage: %s inputs.bin outputs.bin\n", argv[0]);
    return 2;
  }
  in = fopen(argv[1], "rb");
  out = fopen(argv[2], "wb");
  if (in == NULL || out == NULL) {
    fprintf(stderr, "cannot open %s or %s\n", argv[1], argv[2]);
    return 1;
  }
  for (;;) {
    sk_status status;
    const size_t got = fread(sk_input(&SK_MODEL, arena), 1, in_size, in);
    if (got == 0) break;
    if (got != in_size) {
      fprintf(stderr, "input %lu: %lu bytes; expected %lu\n", (unsigned long)n, (unsigned long)got, (unsigned long)in_size);
      return 1;
    }
    status = sk_invoke(&SK_MODEL, arena, sizeof arena);
    if (status != SK_OK) {
      fprintf(stderr, "input %lu: %s\n", (unsigned long)n, sk_status_name(status));
      return 1;
    }
    if (fwrite(sk_output(&SK_MODEL, arena), 1, out_size, out) != out_size) return 1;
    n++;
  }
  fclose(in);
  if (fclose(out) != 0) return 1;
  fprintf(stderr, "%lu inputs\n", (unsigned long)n);
  return 0;
}
