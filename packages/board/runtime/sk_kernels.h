/* The int8 kernels sk_invoke dispatches to; each mirrors a function of packages/ml/src/quantize/int8-kernels.ts. */
#ifndef SK_KERNELS_H
#define SK_KERNELS_H

#include "sk_runtime.h"

/* in_zp / out_zp: the zero points of the op's input and output tensors */
void sk_dense(const sk_op *op, int32_t in_zp, int32_t out_zp, const int8_t *x, int8_t *y);
void sk_conv2d(const sk_op *op, int32_t in_zp, int32_t out_zp, const int8_t *x, int8_t *y);
void sk_depthwise_conv2d(const sk_op *op, int32_t in_zp, int32_t out_zp, const int8_t *x, int8_t *y);
void sk_pool2d(const sk_op *op, const int8_t *x, int8_t *y);
void sk_softmax(const sk_op *op, const int8_t *x, int8_t *y);

#endif /* SK_KERNELS_H */
