/*
 * The model linked into this firmware: built with -DSK_MODEL=<name>_model -DSK_ARENA_SIZE=<bytes>
 * -DSK_MODEL_ID=\"<id>\" next to the sources `sensorkit export` writes.
 */
#include <string.h>
#include "fw_app.h"
#include "fw_board.h"
#include "sk_runtime.h"

#ifndef SK_MODEL_ID
#define SK_MODEL_ID "unnamed"
#endif
#define FW_VERSION "sensorkit-fw 0.1.0"

extern const sk_model SK_MODEL;
static int8_t arena[SK_ARENA_SIZE];

const char *fw_model_id(void) { return SK_MODEL_ID; }
size_t fw_model_input_size(void) { return sk_input_size(&SK_MODEL); }
size_t fw_model_output_size(void) { return sk_output_size(&SK_MODEL); }
int8_t *fw_model_input(void) { return sk_input(&SK_MODEL, arena); }
const int8_t *fw_model_output(void) { return sk_output(&SK_MODEL, arena); }
int fw_model_invoke(void) { return (int)sk_invoke(&SK_MODEL, arena, sizeof arena); }

static uint8_t *put_text(uint8_t *p, const char *text) {
  const size_t n = strlen(text);
  *p++ = (uint8_t)n;
  memcpy(p, text, n);
  return p + n;
}

static uint8_t *put_f32(uint8_t *p, float v) {
  uint32_t bits;
  memcpy(&bits, &v, sizeof bits);
  return fw_put_u32(p, bits);
}

size_t fw_hello(uint8_t *out) {
  const sk_op *first = &SK_MODEL.ops[0];
  const sk_op *last = &SK_MODEL.ops[SK_MODEL.op_count - 1];
  const sk_tensor *in = &SK_MODEL.tensors[0];
  const sk_tensor *result = &SK_MODEL.tensors[SK_MODEL.op_count];
  uint8_t *p = out;
  *p++ = SK_LINK_VERSION;
  *p++ = SK_LINK_DTYPE_INT8;
  *p++ = SK_LINK_DTYPE_INT8;
  *p++ = 0;
  p = fw_put_u16(p, first->in_h);
  p = fw_put_u16(p, first->in_w);
  p = fw_put_u16(p, first->in_c);
  p = fw_put_u16(p, last->out_h);
  p = fw_put_u16(p, last->out_w);
  p = fw_put_u16(p, last->out_c);
  p = put_f32(p, in->scale);
  p = fw_put_u32(p, (uint32_t)in->zero_point);
  p = put_f32(p, result->scale);
  p = fw_put_u32(p, (uint32_t)result->zero_point);
  p = fw_put_u32(p, SK_MODEL.arena_size);
  p = fw_put_u32(p, board_counter_hz());
  p = fw_put_u32(p, SK_LINK_MAX_PAYLOAD);
  p = put_text(p, SK_MODEL_ID);
  p = put_text(p, board_target());
  p = put_text(p, FW_VERSION);
  return (size_t)(p - out);
}

size_t fw_infer(const uint8_t *input, size_t n, uint8_t *out, uint8_t *error, const char **message) {
  uint64_t start, ticks;
  sk_status status;
  const size_t out_size = sk_output_size(&SK_MODEL);
  if (n != sk_input_size(&SK_MODEL)) {
    *error = SK_LINK_E_BAD_LENGTH;
    *message = "input length differs from the model's input size (see HELLO)";
    return 0;
  }
  /* input and out may overlap the receive buffer: copy the input in before anything is written */
  memcpy(sk_input(&SK_MODEL, arena), input, n);
  start = board_counter();
  status = sk_invoke(&SK_MODEL, arena, sizeof arena);
  ticks = board_counter() - start;
  if (status != SK_OK) {
    *error = SK_LINK_E_INVOKE_FAILED;
    *message = sk_status_name(status);
    return 0;
  }
  out = fw_put_u32(out, (uint32_t)ticks);
  out = fw_put_u32(out, (uint32_t)(ticks >> 32));
  memcpy(out, sk_output(&SK_MODEL, arena), out_size);
  return 8 + out_size;
}
