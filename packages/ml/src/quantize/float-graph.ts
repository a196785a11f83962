/*
 * The float model as the int8 path sees it: a chain of ops over [height, width, channels] tensors (rank-1
 * and rank-2 TF.js shapes become [1, 1, n] and [1, steps, channels]), with batch norm folded into the
 * preceding convolution or dense layer, ReLU / ReLU6 fused into the op that feeds them, and the layers
 * that leave the bytes in place (flatten, reshape, dropout, input) dropped: TF.js is channels-last and
 * row-major, so a reshape never moves data.
 */

export type Shape3 = [number, number, number];
export type FusedActivation = 'none' | 'relu' | 'relu6';

/** Kernel window geometry shared by convolutions and pooling; padding is the zeros before each axis. */
export interface Window2d {
  kernel: [number, number];
  strides: [number, number];
  /** zero rows above, zero columns left ('same' padding as TensorFlow computes it; 0 for 'valid') */
  padding: [number, number];
}

interface OpBase {
  inShape: Shape3;
  outShape: Shape3;
  /** the TF.js layer names this op came from (for messages and the model card) */
  layers: string[];
}

/** Fully connected on a flat input: out[o] = bias[o] + sum_i in[i] * weights[o * inputs + i]. */
export interface DenseOp extends OpBase {
  op: 'dense';
  /** [units][inputs] */
  weights: Float32Array;
  bias: Float32Array;
  activation: FusedActivation;
}

/** 2-D convolution; weights [out][kh][kw][in] (TFLite's OHWI). A 1-D convolution is one with height 1. */
export interface Conv2dOp extends OpBase, Window2d {
  op: 'conv2d';
  weights: Float32Array;
  bias: Float32Array;
  activation: FusedActivation;
}

/** Depthwise 2-D convolution, channel multiplier 1; weights [kh][kw][channels]. */
export interface DepthwiseConv2dOp extends OpBase, Window2d {
  op: 'depthwise_conv2d';
  weights: Float32Array;
  bias: Float32Array;
  activation: FusedActivation;
}

/** Average (over the window's samples inside the input) or maximum pooling, per channel. */
export interface Pool2dOp extends OpBase, Window2d {
  op: 'avg_pool2d' | 'max_pool2d';
}

/** Softmax over all values of the (flat) input. */
export interface SoftmaxOp extends OpBase {
  op: 'softmax';
}

export type FloatOp = DenseOp | Conv2dOp | DepthwiseConv2dOp | Pool2dOp | SoftmaxOp;

/** The float chain: op k reads tensor k and writes tensor k + 1; tensor 0 is the model input. */
export interface FloatGraph {
  inputShape: Shape3;
  ops: FloatOp[];
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export type LinearOp = DenseOp | Conv2dOp | DepthwiseConv2dOp;

/** The ops with weights (and so a bias, an activation, and a batch norm they can absorb). */
export function isLinearOp(op: FloatOp | undefined): op is LinearOp {
  return op !== undefined && (op.op === 'dense' || op.op === 'conv2d' || op.op === 'depthwise_conv2d');
}
