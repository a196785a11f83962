import { multiplyByQuantizedMultiplier } from './fixed-point.js';
import { forTaps } from './float-forward.js';
import type { Int8Conv2d, Int8Dense, Int8DepthwiseConv2d, Int8Pool2d, Int8Softmax, Int8Tensor } from './int8-model.js';

/*
 * The int8 kernels, the reference definition of what the C runtime computes (packages/board/runtime):
 * same loop order is not required, same integer arithmetic is. Accumulators are int32 (the quantizer
 * proves they cannot overflow), requantization is multiplyByQuantizedMultiplier, then the output zero
 * point and the fused activation's clamp.
 */

function requantizeOne(acc: number, op: { multiplier: Int32Array; shift: Int8Array; clamp: [number, number] }, c: number, zeroPoint: number): number {
  const v = multiplyByQuantizedMultiplier(acc, op.multiplier[c]!, op.shift[c]!) + zeroPoint;
  return v < op.clamp[0] ? op.clamp[0] : v > op.clamp[1] ? op.clamp[1] : v;
}

export function denseInt8(op: Int8Dense, input: Int8Tensor, output: Int8Tensor, x: Int8Array, out: Int8Array): void {
  const n = x.length;
  for (let o = 0; o < out.length; o++) {
    let acc = op.bias[o]!;
    for (let i = 0; i < n; i++) acc += (x[i]! - input.zeroPoint) * op.weights[o * n + i]!;
    out[o] = requantizeOne(acc, op, o, output.zeroPoint);
  }
}

export function conv2dInt8(op: Int8Conv2d, input: Int8Tensor, output: Int8Tensor, x: Int8Array, out: Int8Array): void {
  const [h, w, cin] = op.inShape;
  const [oh, ow, cout] = op.outShape;
  const [kh, kw] = op.kernel;
  const zp = input.zeroPoint;
  const weights = op.weights;
  for (let y = 0; y < oh; y++) {
    for (let xx = 0; xx < ow; xx++) {
      for (let o = 0; o < cout; o++) {
        let acc = op.bias[o]!;
        // Taps on the zero padding are skipped: a real zero adds nothing.
        for (let ky = 0; ky < kh; ky++) {
          const iy = y * op.strides[0] + ky - op.padding[0];
          if (iy < 0 || iy >= h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = xx * op.strides[1] + kx - op.padding[1];
            if (ix < 0 || ix >= w) continue;
            const base = (iy * w + ix) * cin;
            const wBase = ((o * kh + ky) * kw + kx) * cin;
            for (let c = 0; c < cin; c++) acc += (x[base + c]! - zp) * weights[wBase + c]!;
          }
        }
        out[(y * ow + xx) * cout + o] = requantizeOne(acc, op, o, output.zeroPoint);
      }
    }
  }
}

export function depthwiseConv2dInt8(op: Int8DepthwiseConv2d, input: Int8Tensor, output: Int8Tensor, x: Int8Array, out: Int8Array): void {
  const [h, w] = op.inShape;
  const [oh, ow, channels] = op.outShape;
  const [kh, kw] = op.kernel;
  const zp = input.zeroPoint;
  for (let y = 0; y < oh; y++) {
    for (let xx = 0; xx < ow; xx++) {
      for (let c = 0; c < channels; c++) {
        let acc = op.bias[c]!;
        for (let ky = 0; ky < kh; ky++) {
          const iy = y * op.strides[0] + ky - op.padding[0];
          if (iy < 0 || iy >= h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = xx * op.strides[1] + kx - op.padding[1];
            if (ix < 0 || ix >= w) continue;
            acc += (x[(iy * w + ix) * channels + c]! - zp) * op.weights[(ky * kw + kx) * channels + c]!;
          }
        }
        out[(y * ow + xx) * channels + c] = requantizeOne(acc, op, c, output.zeroPoint);
      }
    }
  }
}

/** Average: the sum of the window's samples inside the input, divided by their count rounding half away from zero (TFLite). */
export function pool2dInt8(op: Int8Pool2d, x: Int8Array, out: Int8Array): void {
  const [oh, ow, channels] = op.outShape;
  const geometry = op;
  const max = op.op === 'max_pool2d';
  for (let y = 0; y < oh; y++) {
    for (let xx = 0; xx < ow; xx++) {
      for (let c = 0; c < channels; c++) {
        let acc = max ? -128 : 0;
        let count = 0;
        forTaps(geometry, y, xx, (_ky, _kx, base) => {
          const v = x[base + c]!;
          acc = max ? (v > acc ? v : acc) : acc + v;
          count++;
        });
        // C's integer division truncates; half of count is added away from zero first.
        const half = count >> 1;
        out[(y * ow + xx) * channels + c] = max ? acc : Math.trunc(acc > 0 ? (acc + half) / count : (acc - half) / count);
      }
    }
  }
}

export function softmaxInt8(op: Int8Softmax, x: Int8Array, out: Int8Array): void {
  let max = -128;
  for (let i = 0; i < x.length; i++) if (x[i]! > max) max = x[i]!;
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += op.table[max - x[i]!]!;
  const half = Math.floor(sum / 2);
  for (let i = 0; i < x.length; i++) {
    const v = Math.floor((op.table[max - x[i]!]! * 256 + half) / sum) - 128;
    out[i] = v > 127 ? 127 : v;
  }
}
