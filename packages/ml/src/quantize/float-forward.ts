import type { FloatGraph, FloatOp, FusedActivation, Window2d } from './float-graph.js';
import { sizeOf } from './float-graph.js';

/**
 * Runs the float graph on one input ([height][width][channels] flattened) and returns every tensor:
 * index 0 the input, index k + 1 the output of op k. The calibration pass of the quantizer, and the check
 * that readFloatGraph understood the TF.js model (its last tensor equals model.predict).
 * @example
 * const tensors = floatForward(graph, input); tensors[tensors.length - 1]; // the model output
 */
export function floatForward(graph: FloatGraph, input: Float32Array): Float32Array[] {
  if (input.length !== sizeOf(graph.inputShape)) throw new RangeError(`floatForward: input length ${input.length}; expected ${sizeOf(graph.inputShape)}`);
  const tensors = [input];
  for (const op of graph.ops) tensors.push(runOp(op, tensors[tensors.length - 1]!));
  return tensors;
}

function runOp(op: FloatOp, x: Float32Array): Float32Array {
  const out = new Float32Array(sizeOf(op.outShape));
  switch (op.op) {
    case 'dense': {
      const n = x.length;
      for (let o = 0; o < out.length; o++) {
        let acc = op.bias[o]!;
        for (let i = 0; i < n; i++) acc += x[i]! * op.weights[o * n + i]!;
        out[o] = activate(acc, op.activation);
      }
      return out;
    }
    case 'conv2d': {
      const [, , cin] = op.inShape;
      const [oh, ow, cout] = op.outShape;
      const [kh, kw] = op.kernel;
      for (let y = 0; y < oh; y++) {
        for (let xx = 0; xx < ow; xx++) {
          for (let o = 0; o < cout; o++) {
            let acc = op.bias[o]!;
            forTaps(op, y, xx, (ky, kx, base) => {
              const w = ((o * kh + ky) * kw + kx) * cin;
              for (let c = 0; c < cin; c++) acc += x[base + c]! * op.weights[w + c]!;
            });
            out[(y * ow + xx) * cout + o] = activate(acc, op.activation);
          }
        }
      }
      return out;
    }
    case 'depthwise_conv2d': {
      const [oh, ow, channels] = op.outShape;
      const [, kw] = op.kernel;
      for (let y = 0; y < oh; y++) {
        for (let xx = 0; xx < ow; xx++) {
          for (let c = 0; c < channels; c++) {
            let acc = op.bias[c]!;
            forTaps(op, y, xx, (ky, kx, base) => {
              acc += x[base + c]! * op.weights[(ky * kw + kx) * channels + c]!;
            });
            out[(y * ow + xx) * channels + c] = activate(acc, op.activation);
          }
        }
      }
      return out;
    }
    case 'avg_pool2d':
    case 'max_pool2d': {
      const [oh, ow, channels] = op.outShape;
      for (let y = 0; y < oh; y++) {
        for (let xx = 0; xx < ow; xx++) {
          for (let c = 0; c < channels; c++) {
            let acc = op.op === 'max_pool2d' ? -Infinity : 0;
            let count = 0;
            forTaps(op, y, xx, (_ky, _kx, base) => {
              acc = op.op === 'max_pool2d' ? Math.max(acc, x[base + c]!) : acc + x[base + c]!;
              count++;
            });
            out[(y * ow + xx) * channels + c] = op.op === 'max_pool2d' ? acc : acc / count;
          }
        }
      }
      return out;
    }
    case 'softmax': {
      let max = -Infinity;
      for (let i = 0; i < x.length; i++) max = Math.max(max, x[i]!);
      let sum = 0;
      for (let i = 0; i < x.length; i++) sum += Math.exp(x[i]! - max);
      for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]! - max) / sum;
      return out;
    }
  }
}

/**
 * Calls `visit(ky, kx, base)` for each kernel tap of output (y, x) that lands inside the input; `base` is
 * the index of the input sample's first channel. Taps on the zero padding are skipped (they add nothing
 * to a convolution and are not counted by an average, as TensorFlow pools).
 */
export function forTaps(op: Window2d & { inShape: readonly number[] }, y: number, x: number, visit: (ky: number, kx: number, base: number) => void): void {
  const [h, w, c] = op.inShape as [number, number, number];
  const [kh, kw] = op.kernel;
  for (let ky = 0; ky < kh; ky++) {
    const iy = y * op.strides[0] + ky - op.padding[0];
    if (iy < 0 || iy >= h) continue;
    for (let kx = 0; kx < kw; kx++) {
      const ix = x * op.strides[1] + kx - op.padding[1];
      if (ix < 0 || ix >= w) continue;
      visit(ky, kx, (iy * w + ix) * c);
    }
  }
}

function activate(v: number, activation: FusedActivation): number {
  return activation === 'none' ? v : activation === 'relu' ? Math.max(0, v) : Math.min(6, Math.max(0, v));
}
