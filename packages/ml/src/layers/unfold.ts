import * as tf from '@tensorflow/tfjs';

/*
 * Convolutions as "unfold": every kernel tap is a plain slice of the (padded) input, and the taps are
 * combined with matMul (conv) or multiply-adds (depthwise). Slice, pad, reshape, concat and matMul all
 * have gradients on the WASM backend, whereas Conv2DBackpropFilter and the depthwise backprop kernels
 * do not exist there (and are very slow on the CPU backend), so these train in seconds instead of not
 * at all.
 *
 * The arithmetic is the textbook one, so an int8 runtime can mirror it exactly:
 *   out[b, y, x, o] = bias[o] + sum_{i, j, c} in[b, y*sh + i - top, x*sw + j - left, c] * kernel[i, j, c, o]
 * with zeros outside the input. 'valid' has no padding; 'same' follows TensorFlow: out = ceil(in / stride),
 * total padding max((out - 1) * stride + k - in, 0), the smaller half (floor) before, the rest after.
 */

export type Padding = 'same' | 'valid';

/** Output length and padding before one axis, as TensorFlow computes them. */
export interface AxisPlan {
  out: number;
  before: number;
}

/** Output size and leading padding of one spatial axis for a kernel `k`, stride `s` and padding mode. */
export function planAxis(length: number, k: number, s: number, padding: Padding): AxisPlan {
  if (padding === 'valid') return { out: Math.max(0, Math.floor((length - k) / s) + 1), before: 0 };
  const out = Math.ceil(length / s);
  const total = Math.max((out - 1) * s + k - length, 0);
  return { out, before: Math.floor(total / 2) };
}

export interface TapOptions {
  kernel: readonly [number, number];
  strides: readonly [number, number];
  padding: Padding;
}

/**
 * The kernel taps of an NHWC input: for tap (i, j), in row-major order, the [batch, outH, outW, channels]
 * tensor of the input samples that tap multiplies. Strides are taken by reshaping the padded input so a
 * stride becomes an axis (e.g. [batch, rows / sh, sh, cols / sw, sw * channels]), so each tap is one
 * unstrided slice (StridedSlice has no gradient in TF.js).
 */
export function unfoldTaps(x: tf.Tensor4D, options: TapOptions): tf.Tensor4D[] {
  const [batch, height, width, channels] = x.shape;
  const [kh, kw] = options.kernel;
  const [sh, sw] = options.strides;
  const rows = planAxis(height, kh, sh, options.padding);
  const cols = planAxis(width, kw, sw, options.padding);
  // Padded extent that every tap's slice fits in, rounded to whole strides.
  const needH = sh * (rows.out + Math.floor((kh - 1) / sh));
  const needW = sw * (cols.out + Math.floor((kw - 1) / sw));
  const padded = fitExtent(x, rows.before, needH, cols.before, needW);
  const taps: tf.Tensor4D[] = [];
  if (sh === 1 && sw === 1) {
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) taps.push(tf.slice(padded, [0, i, j, 0], [batch, rows.out, cols.out, channels]));
    }
    return taps;
  }
  // Strides along one axis only (1-D convolutions, time-strided blocks) keep to rank-4 slices, which are
  // several times faster on WASM than the rank-5 ones both strides need.
  if (sh === 1) {
    const folded = tf.reshape(padded, [batch, needH, needW / sw, sw * channels]) as tf.Tensor4D;
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) taps.push(tf.slice(folded, [0, i, Math.floor(j / sw), (j % sw) * channels], [batch, rows.out, cols.out, channels]));
    }
    return taps;
  }
  if (sw === 1) {
    const folded = tf.reshape(padded, [batch, needH / sh, sh, needW * channels]);
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const tap = tf.slice(folded, [0, Math.floor(i / sh), i % sh, j * channels], [batch, rows.out, 1, cols.out * channels]);
        taps.push(tf.reshape(tap, [batch, rows.out, cols.out, channels]));
      }
    }
    return taps;
  }
  const folded = tf.reshape(padded, [batch, needH / sh, sh, needW / sw, sw * channels]);
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const tap = tf.slice(
        folded,
        [0, Math.floor(i / sh), i % sh, Math.floor(j / sw), (j % sw) * channels],
        [batch, rows.out, 1, cols.out, channels],
      );
      taps.push(tf.reshape(tap, [batch, rows.out, cols.out, channels]));
    }
  }
  return taps;
}

/** Pads (zeros) or crops the input so it spans `needH` x `needW` starting `top`/`left` samples before it. */
function fitExtent(x: tf.Tensor4D, top: number, needH: number, left: number, needW: number): tf.Tensor4D {
  const [batch, height, width, channels] = x.shape;
  const bottom = needH - height - top;
  const right = needW - width - left;
  let fitted = x;
  if (top > 0 || bottom > 0 || left > 0 || right > 0) {
    fitted = tf.pad(fitted, [[0, 0], [top, Math.max(bottom, 0)], [left, Math.max(right, 0)], [0, 0]]);
  }
  if (bottom < 0 || right < 0) fitted = tf.slice(fitted, [0, 0, 0, 0], [batch, needH, needW, channels]);
  return fitted;
}

export interface ConvOptions extends TapOptions {
  activation?: 'linear' | 'relu';
}

/**
 * 2-D convolution of an NHWC input with a [kh, kw, inChannels, outChannels] kernel (tf.conv2d's layout)
 * plus a per-channel bias: the taps concatenated along channels, then one fused matMul + bias (+ relu).
 * @example
 * const y = unfoldConv2d(x, kernel, bias, { kernel: [3, 3], strides: [1, 1], padding: 'same' });
 */
export function unfoldConv2d(x: tf.Tensor4D, kernel: tf.Tensor4D, bias: tf.Tensor1D | undefined, options: ConvOptions): tf.Tensor4D {
  return tf.tidy(() => {
    const [kh, kw, inChannels, outChannels] = kernel.shape;
    const taps = unfoldTaps(x, options);
    const patches = taps.length === 1 ? taps[0] : tf.concat(taps, 3);
    const [batch, outH, outW] = patches.shape;
    const product = tf.fused.matMul({
      a: tf.reshape(patches, [batch * outH * outW, kh * kw * inChannels]),
      b: tf.reshape(kernel, [kh * kw * inChannels, outChannels]),
      ...(bias ? { bias } : {}),
      activation: options.activation ?? 'linear',
    });
    return tf.reshape(product, [batch, outH, outW, outChannels]);
  });
}

/**
 * Depthwise 2-D convolution (channel multiplier 1) with a [kh, kw, channels, 1] kernel (tf.depthwiseConv2d's
 * layout) plus a per-channel bias: each tap times its per-channel weights, summed over the taps.
 * @example
 * const y = unfoldDepthwiseConv2d(x, kernel, bias, { kernel: [3, 3], strides: [1, 1], padding: 'same' });
 */
export function unfoldDepthwiseConv2d(
  x: tf.Tensor4D,
  kernel: tf.Tensor4D,
  bias: tf.Tensor1D | undefined,
  options: ConvOptions,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [kh, kw, channels] = kernel.shape;
    const weights = tf.unstack(tf.reshape(kernel, [kh * kw, channels]));
    const products = unfoldTaps(x, options).map((tap, t) => tf.mul<tf.Tensor4D>(tap, weights[t]));
    let sum = products.length === 1 ? products[0] : tf.addN(products);
    if (bias) sum = tf.add(sum, bias) as tf.Tensor4D;
    return options.activation === 'relu' ? tf.relu(sum) : sum;
  });
}
