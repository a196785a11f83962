/*
 * sensorkit int8 runtime: runs a quantized model exported by `sensorkit export` on a microcontroller.
 * Portable C99, no dynamic allocation: activations live in one caller-owned arena whose size the exporter
 * computes (<NAME>_ARENA_SIZE). The arithmetic is defined by the TypeScript int8 interpreter in
 * @sensorkit/ml (packages/ml/src/quantize), and this code reproduces it bit for bit.
 *
 *   static int8_t arena[KWS_ARENA_SIZE];
 *   memcpy(sk_input(&kws_model, arena), features, KWS_INPUT_SIZE);
 *   if (sk_invoke(&kws_model, arena, sizeof arena) == SK_OK) use(sk_output(&kws_model, arena));
 */
#ifndef SK_RUNTIME_H
#define SK_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  SK_OK = 0,
  SK_ERR_NULL = 1,            /* a NULL model or arena */
  SK_ERR_ARENA_TOO_SMALL = 2, /* the arena is smaller than the model's arena_size */
  SK_ERR_BAD_MODEL = 3,       /* a tensor outside the arena, an unknown op or an impossible shape */
} sk_status;

typedef enum {
  SK_OP_DENSE = 0,
  SK_OP_CONV2D = 1,
  SK_OP_DEPTHWISE_CONV2D = 2,
  SK_OP_AVG_POOL2D = 3,
  SK_OP_MAX_POOL2D = 4,
  SK_OP_SOFTMAX = 5,
} sk_op_kind;

/* An int8 tensor of `size` values at `offset` in the arena; real = scale * (q - zero_point). */
typedef struct {
  uint32_t size;
  int32_t zero_point;
  float scale;
  uint32_t offset;
} sk_tensor;

/*
 * Op k reads tensors[k] as [in_h][in_w][in_c] and writes tensors[k + 1] as [out_h][out_w][out_c] (a reshape
 * between ops only changes these views). Fields an op does not use are 0 / NULL.
 */
typedef struct {
  uint8_t kind; /* sk_op_kind */
  uint16_t in_h, in_w, in_c, out_h, out_w, out_c;
  uint16_t kernel_h, kernel_w, stride_h, stride_w, pad_top, pad_left;
  int8_t clamp_min, clamp_max;  /* fused activation */
  const int8_t *weights;        /* dense [out][in]; conv2d [out][kh][kw][in]; depthwise [kh][kw][c] */
  const int32_t *bias;          /* per output channel, scale in_scale * w_scale[c] */
  const int32_t *multiplier;    /* per output channel, Q0.31 */
  const int8_t *shift;          /* per output channel, > 0 shifts left */
  const int32_t *table;         /* softmax: 256 entries of 2^16 * exp(-d * in_scale) */
} sk_op;

typedef struct {
  const char *name;
  const sk_tensor *tensors; /* op_count + 1 */
  const sk_op *ops;
  uint16_t op_count;
  uint32_t arena_size;
} sk_model;

/* Checks the model against the arena, then runs every op. The input must already be in the arena. */
sk_status sk_invoke(const sk_model *model, int8_t *arena, size_t arena_size);

/* Where the input tensor goes / the output tensor is, inside the arena; and their sizes in bytes. */
int8_t *sk_input(const sk_model *model, int8_t *arena);
const int8_t *sk_output(const sk_model *model, const int8_t *arena);
size_t sk_input_size(const sk_model *model);
size_t sk_output_size(const sk_model *model);

/* A short name for a status code, for logs. */
const char *sk_status_name(sk_status status);

#ifdef __cplusplus
}
#endif

#endif /* SK_RUNTIME_H */
