import { ParameterError } from '@sensorkit/dsp';
import { sizeOf } from './float-graph.js';
import { conv2dInt8, denseInt8, depthwiseConv2dInt8, pool2dInt8, softmaxInt8 } from './int8-kernels.js';
import type { Int8Model, Int8Tensor } from './int8-model.js';
import { roundHalfAway } from './quantize-graph.js';

/**
 * Runs an int8 model on one quantized input: the TypeScript reference of what a board computes.
 * Returns the output tensor (or, with `all`, every tensor, input first).
 * @example
 * const q = runInt8(model, quantizeInput(model, features));
 * const probabilities = dequantizeOutput(model, q);
 */
export function runInt8(model: Int8Model, input: Int8Array): Int8Array;
export function runInt8(model: Int8Model, input: Int8Array, all: true): Int8Array[];
export function runInt8(model: Int8Model, input: Int8Array, all = false): Int8Array | Int8Array[] {
  const expected = sizeOf(model.tensors[0]!.shape);
  if (input.length !== expected) throw new ParameterError('runInt8', 'input length', input.length, `${expected} (shape ${model.tensors[0]!.shape.join('x')})`);
  const tensors = [input];
  model.ops.forEach((op, k) => {
    const inT = model.tensors[k]!;
    const outT = model.tensors[k + 1]!;
    const x = tensors[k]!;
    const out = new Int8Array(sizeOf(outT.shape));
    switch (op.op) {
      case 'dense':
        denseInt8(op, inT, outT, x, out);
        break;
      case 'conv2d':
        conv2dInt8(op, inT, outT, x, out);
        break;
      case 'depthwise_conv2d':
        depthwiseConv2dInt8(op, inT, outT, x, out);
        break;
      case 'avg_pool2d':
      case 'max_pool2d':
        pool2dInt8(op, x, out);
        break;
      case 'softmax':
        softmaxInt8(op, x, out);
        break;
    }
    tensors.push(out);
  });
  return all ? tensors : tensors[tensors.length - 1]!;
}

/** Quantizes real values to a tensor's int8: round(x / scale) (half away from zero) + zero point, saturated. */
export function quantizeTensor(t: Int8Tensor, values: ArrayLike<number>): Int8Array {
  const out = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const q = roundHalfAway(values[i]! / t.scale) + t.zeroPoint;
    out[i] = q < -128 ? -128 : q > 127 ? 127 : q;
  }
  return out;
}

/** Real values of int8 data of a tensor: scale * (q - zero point). */
export function dequantizeTensor(t: Int8Tensor, q: Int8Array): Float32Array {
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = t.scale * (q[i]! - t.zeroPoint);
  return out;
}

/** The model input's quantization of real features. */
export function quantizeInput(model: Int8Model, values: ArrayLike<number>): Int8Array {
  return quantizeTensor(model.tensors[0]!, values);
}

/** The model output in real units. */
export function dequantizeOutput(model: Int8Model, q: Int8Array): Float32Array {
  return dequantizeTensor(model.tensors[model.tensors.length - 1]!, q);
}

/** Runs real inputs through the int8 model and returns real outputs (quantize, run, dequantize). */
export function predictInt8(model: Int8Model, inputs: readonly ArrayLike<number>[]): Float32Array[] {
  return inputs.map((x) => dequantizeOutput(model, runInt8(model, quantizeInput(model, x))));
}
