import { InputError } from '@sensorkit/dsp';
import * as tf from '@tensorflow/tfjs';
import { calibrateRanges, type CalibrationOptions, type TensorRange } from './calibrate.js';
import { quantizeMultiplier } from './fixed-point.js';
import type { FloatGraph, FloatOp, FusedActivation, Conv2dOp, DenseOp, DepthwiseConv2dOp, Shape3 } from './float-graph.js';
import { INT8_FORMAT, INT8_VERSION, SOFTMAX_OUTPUT, type Int8Model, type Int8Op, type Int8Tensor, type Requantized } from './int8-model.js';
import { readFloatGraph } from './read-model.js';

const INT32_MAX = 2147483647;

/** Rounds half away from zero (C's round), the one rounding every quantizer step uses. */
export function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * Post-training int8 quantization of a TF.js model, TFLite's scheme: per-channel symmetric int8 weights,
 * asymmetric int8 activations from ranges measured on `calibration` inputs, int32 biases at
 * in_scale * w_scale[c], fixed-point requantization, ReLU / ReLU6 as clamps, softmax to scale 1/256.
 * @example
 * const int8 = quantizeModel(model, trainingInputs.slice(0, 300));
 * const out = runInt8(int8, quantizeInput(int8, x));
 */
export function quantizeModel(model: tf.LayersModel, calibration: readonly Float32Array[], options: CalibrationOptions = {}): Int8Model {
  return quantizeGraph(readFloatGraph(model), calibration, options);
}

/** quantizeModel on a float graph already read (readFloatGraph). */
export function quantizeGraph(graph: FloatGraph, calibration: readonly Float32Array[], options: CalibrationOptions = {}): Int8Model {
  const ranges = calibrateRanges(graph, calibration, options);
  const tensors: Int8Tensor[] = [{ shape: graph.inputShape, ...activationParams(ranges[0]!) }];
  const ops: Int8Op[] = [];
  graph.ops.forEach((op, k) => {
    const input = tensors[k]!;
    switch (op.op) {
      case 'avg_pool2d':
      case 'max_pool2d':
        // TFLite's pooling kernels require equal input and output quantization.
        tensors.push({ shape: op.outShape, scale: input.scale, zeroPoint: input.zeroPoint });
        ops.push({ op: op.op, ...shapes(op), kernel: op.kernel, strides: op.strides, padding: op.padding, layers: op.layers });
        return;
      case 'softmax':
        tensors.push({ shape: op.outShape, ...SOFTMAX_OUTPUT });
        ops.push({ op: 'softmax', ...shapes(op), table: softmaxTable(input.scale), layers: op.layers });
        return;
      default: {
        const output: Int8Tensor = { shape: op.outShape, ...activationParams(ranges[k + 1]!) };
        tensors.push(output);
        const q = requantize(op, input, output);
        if (op.op === 'dense') ops.push({ op: 'dense', ...shapes(op), ...q, layers: op.layers });
        else ops.push({ op: op.op, ...shapes(op), ...q, kernel: op.kernel, strides: op.strides, padding: op.padding, layers: op.layers });
      }
    }
  });
  return {
    format: INT8_FORMAT,
    version: INT8_VERSION,
    tensors,
    ops,
    calibration: { method: options.method ?? 'minmax', ...(options.method === 'percentile' ? { percentile: options.percentile ?? 99.99 } : {}), samples: calibration.length },
  };
}

/** The shapes an op reads and writes: a reshape between two ops changes the view, never the bytes. */
function shapes(op: FloatOp): { inShape: Shape3; outShape: Shape3 } {
  return { inShape: op.inShape, outShape: op.outShape };
}

/** Asymmetric int8 parameters covering [min, max] (which includes 0). */
function activationParams(range: TensorRange): { scale: number; zeroPoint: number } {
  const span = range.max - range.min;
  const scale = span > 0 ? span / 255 : 1 / 255;
  const zeroPoint = Math.min(127, Math.max(-128, roundHalfAway(-128 - range.min / scale)));
  return { scale, zeroPoint };
}

function requantize(op: DenseOp | Conv2dOp | DepthwiseConv2dOp, input: Int8Tensor, output: Int8Tensor): Requantized {
  const channels = op.bias.length;
  const per = op.weights.length / channels;
  // Depthwise weights are [kh][kw][channels] (channel fastest); the others [channel][...].
  const at = op.op === 'depthwise_conv2d' ? (c: number, i: number): number => i * channels + c : (c: number, i: number): number => c * per + i;
  const weights = new Int8Array(op.weights.length);
  const weightScales = new Float32Array(channels);
  const bias = new Int32Array(channels);
  const multiplier = new Int32Array(channels);
  const shift = new Int8Array(channels);
  for (let c = 0; c < channels; c++) {
    let maxAbs = 0;
    for (let i = 0; i < per; i++) maxAbs = Math.max(maxAbs, Math.abs(op.weights[at(c, i)]!));
    const ws = maxAbs > 0 ? maxAbs / 127 : 1;
    weightScales[c] = ws;
    let sumAbs = 0;
    for (let i = 0; i < per; i++) {
      const q = Math.min(127, Math.max(-127, roundHalfAway(op.weights[at(c, i)]! / ws)));
      weights[at(c, i)] = q;
      sumAbs += Math.abs(q);
    }
    const biasScale = input.scale * Math.fround(ws);
    const b = roundHalfAway(op.bias[c]! / biasScale);
    // The kernels accumulate in int32: refuse a channel that could overflow rather than wrap on a board.
    if (Math.abs(b) + 255 * sumAbs > INT32_MAX) {
      throw new InputError('quantize', `layer ${op.layers.join('+')}: channel ${c} could overflow the int32 accumulator (bias ${b}, sum |w| ${sumAbs})`);
    }
    bias[c] = b;
    const m = quantizeMultiplier(biasScale / output.scale);
    multiplier[c] = m.multiplier;
    shift[c] = m.shift;
  }
  return { weights, weightScales, bias, multiplier, shift, clamp: clampOf(op.activation, output) };
}

function clampOf(activation: FusedActivation, t: Int8Tensor): [number, number] {
  if (activation === 'none') return [-128, 127];
  const low = Math.max(-128, t.zeroPoint);
  if (activation === 'relu') return [low, 127];
  return [low, Math.min(127, t.zeroPoint + roundHalfAway(6 / t.scale))];
}

function softmaxTable(inputScale: number): Int32Array {
  const table = new Int32Array(256);
  for (let d = 0; d < 256; d++) table[d] = roundHalfAway(65536 * Math.exp(-d * inputScale));
  return table;
}
