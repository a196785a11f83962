#include "sk_runtime.h"
#include "sk_kernels.h"

static size_t in_bytes(const sk_op *op) { return (size_t)op->in_h * op->in_w * op->in_c; }
static size_t out_bytes(const sk_op *op) { return (size_t)op->out_h * op->out_w * op->out_c; }

/* Everything Eval relies on, checked once per call (cheap next to the kernels): TFLM's Prepare. */
static sk_status check(const sk_model *model, size_t arena_size) {
  uint16_t k;
  if (model->tensors == NULL || model->ops == NULL || model->op_count == 0) return SK_ERR_BAD_MODEL;
  if (arena_size < model->arena_size) return SK_ERR_ARENA_TOO_SMALL;
  for (k = 0; k <= model->op_count; k++) {
    const sk_tensor *t = &model->tensors[k];
    if (t->size == 0 || t->offset > model->arena_size || t->size > model->arena_size - t->offset) return SK_ERR_BAD_MODEL;
  }
  for (k = 0; k < model->op_count; k++) {
    const sk_op *op = &model->ops[k];
    if (in_bytes(op) != model->tensors[k].size || out_bytes(op) != model->tensors[k + 1].size) return SK_ERR_BAD_MODEL;
    switch (op->kind) {
      case SK_OP_DENSE:
      case SK_OP_CONV2D:
      case SK_OP_DEPTHWISE_CONV2D:
        if (op->weights == NULL || op->bias == NULL || op->multiplier == NULL || op->shift == NULL) return SK_ERR_BAD_MODEL;
        break;
      case SK_OP_AVG_POOL2D:
      case SK_OP_MAX_POOL2D:
        break;
      case SK_OP_SOFTMAX:
        /* 2^16 per entry: more than 32767 classes could overflow the int32 sum. */
        if (op->table == NULL || in_bytes(op) > 32767) return SK_ERR_BAD_MODEL;
        break;
      default:
        return SK_ERR_BAD_MODEL;
    }
  }
  return SK_OK;
}

sk_status sk_invoke(const sk_model *model, int8_t *arena, size_t arena_size) {
  sk_status status;
  uint16_t k;
  if (model == NULL || arena == NULL) return SK_ERR_NULL;
  status = check(model, arena_size);
  if (status != SK_OK) return status;
  for (k = 0; k < model->op_count; k++) {
    const sk_op *op = &model->ops[k];
    const sk_tensor *in = &model->tensors[k];
    const sk_tensor *out = &model->tensors[k + 1];
    const int8_t *x = arena + in->offset;
    int8_t *y = arena + out->offset;
    switch (op->kind) {
      case SK_OP_DENSE: sk_dense(op, in->zero_point, out->zero_point, x, y); break;
      case SK_OP_CONV2D: sk_conv2d(op, in->zero_point, out->zero_point, x, y); break;
      case SK_OP_DEPTHWISE_CONV2D: sk_depthwise_conv2d(op, in->zero_point, out->zero_point, x, y); break;
      case SK_OP_AVG_POOL2D:
      case SK_OP_MAX_POOL2D: sk_pool2d(op, x, y); break;
      default: sk_softmax(op, x, y); break;
    }
  }
  return SK_OK;
}

int8_t *sk_input(const sk_model *model, int8_t *arena) { return arena + model->tensors[0].offset; }

const int8_t *sk_output(const sk_model *model, const int8_t *arena) { return arena + model->tensors[model->op_count].offset; }

size_t sk_input_size(const sk_model *model) { return model->tensors[0].size; }

size_t sk_output_size(const sk_model *model) { return model->tensors[model->op_count].size; }

const char *sk_status_name(sk_status status) {
  switch (status) {
    case SK_OK: return "ok";
    case SK_ERR_NULL: return "null model or arena";
    case SK_ERR_ARENA_TOO_SMALL: return "arena too small";
    case SK_ERR_BAD_MODEL: return "bad model";
  }
  return "unknown status";
}
