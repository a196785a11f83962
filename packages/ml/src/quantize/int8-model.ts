import type { Shape3, Window2d } from './float-graph.js';

/** An int8 tensor: real = scale * (q - zeroPoint); shape as its producer wrote it (readers may view it reshaped). */
export interface Int8Tensor {
  shape: Shape3;
  scale: number;
  zeroPoint: number;
}

interface Int8OpBase {
  /** the [height, width, channels] view the op reads its input tensor in (a reshape changes only this) */
  inShape: Shape3;
  /** the view it writes its output in */
  outShape: Shape3;
  /** the TF.js layers folded into this op */
  layers: string[];
}

/** Per-output-channel requantization: weights symmetric (zero point 0), bias int32 at in_scale * w_scale[c]. */
export interface Requantized {
  weights: Int8Array;
  /** per-channel weight scales (kept for dequantizing and the model card; the kernels do not read them) */
  weightScales: Float32Array;
  bias: Int32Array;
  /** Q0.31 mantissa of in_scale * w_scale[c] / out_scale */
  multiplier: Int32Array;
  /** its power-of-two exponent (> 0 shifts left) */
  shift: Int8Array;
  /** the fused activation as an int8 range [low, high] */
  clamp: [number, number];
}

export interface Int8Dense extends Int8OpBase, Requantized {
  op: 'dense';
}
export interface Int8Conv2d extends Int8OpBase, Requantized, Window2d {
  op: 'conv2d';
}
export interface Int8DepthwiseConv2d extends Int8OpBase, Requantized, Window2d {
  op: 'depthwise_conv2d';
}
/** Pooling keeps its input's scale and zero point, so it works on the raw int8 values. */
export interface Int8Pool2d extends Int8OpBase, Window2d {
  op: 'avg_pool2d' | 'max_pool2d';
}
/**
 * Softmax to int8 with scale 1/256 and zero point -128 (TFLite's convention). exp is a 256-entry table
 * made here in float, once: table[d] = round(2^16 * exp(-d * in_scale)) for an input d steps below the
 * maximum; then out = round(256 * table[d] / sum(table)) - 128 in integers. The table travels with the
 * model, so the board and the TypeScript reference compute the same bits.
 */
export interface Int8Softmax extends Int8OpBase {
  op: 'softmax';
  table: Int32Array;
}

export type Int8Op = Int8Dense | Int8Conv2d | Int8DepthwiseConv2d | Int8Pool2d | Int8Softmax;

/** How activation ranges were measured. */
export interface CalibrationRecord {
  method: 'minmax' | 'percentile';
  /** for 'percentile': the range kept, e.g. 99.99 keeps values between the 0.01th and 99.99th percentile */
  percentile?: number;
  samples: number;
}

/** A quantized chain: op k reads tensors[k] and writes tensors[k + 1]. */
export interface Int8Model {
  format: 'sensorkit-int8';
  version: 1;
  tensors: Int8Tensor[];
  ops: Int8Op[];
  calibration: CalibrationRecord;
}

export const INT8_FORMAT = 'sensorkit-int8';
export const INT8_VERSION = 1;
export const SOFTMAX_OUTPUT = { scale: 1 / 256, zeroPoint: -128 } as const;
