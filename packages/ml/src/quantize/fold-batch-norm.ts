import type { Conv2dOp, DenseOp, DepthwiseConv2dOp } from './float-graph.js';

/** Inference-time batch norm per channel: y = gamma * (x - mean) / sqrt(variance + epsilon) + beta. */
export interface BatchNormParams {
  gamma?: Float32Array;
  beta?: Float32Array;
  mean: Float32Array;
  variance: Float32Array;
  epsilon: number;
}

/**
 * Folds a batch norm into the linear op before it, in place: each output channel's weights scale by
 * gamma / sqrt(variance + epsilon) and its bias becomes (bias - mean) * that + beta. Exact in real
 * arithmetic, so the int8 model never sees a separate normalisation.
 */
export function foldBatchNorm(op: DenseOp | Conv2dOp | DepthwiseConv2dOp, bn: BatchNormParams): void {
  const channels = op.bias.length;
  const perChannel = op.weights.length / channels;
  for (let c = 0; c < channels; c++) {
    const k = (bn.gamma ? bn.gamma[c]! : 1) / Math.sqrt(bn.variance[c]! + bn.epsilon);
    if (op.op === 'depthwise_conv2d') {
      // [kh][kw][channels]: the channel is the fastest axis.
      for (let t = 0; t < perChannel; t++) op.weights[t * channels + c] *= k;
    } else {
      for (let i = 0; i < perChannel; i++) op.weights[c * perChannel + i] *= k;
    }
    op.bias[c] = (op.bias[c]! - bn.mean[c]!) * k + (bn.beta ? bn.beta[c]! : 0);
  }
}
