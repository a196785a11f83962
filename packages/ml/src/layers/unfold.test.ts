import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRandom } from '@sensorkit/dsp';
import { currentBackend, initBackend } from '../backend.js';
import { planAxis, unfoldConv2d, unfoldDepthwiseConv2d, type Padding } from './unfold.js';

let backend: string;
beforeAll(async () => {
  backend = (await initBackend()).backend;
});

function randomArray(n: number, seed: number): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length: n }, () => random.gaussian());
}

/** Runs `f` on TF.js's plain CPU backend (the reference kernels) and returns plain numbers. */
async function onCpu(f: () => tf.Tensor): Promise<number[]> {
  await tf.setBackend('cpu');
  try {
    return Array.from(tf.tidy(f).dataSync());
  } finally {
    await tf.setBackend(backend);
  }
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

interface Case {
  input: [number, number, number, number];
  kernel: [number, number];
  strides: [number, number];
  padding: Padding;
  out: number;
}

// Odd and even kernels, strides on both axes, on one (each takes its own slicing path), or none, strides that
// do and do not divide the input, both paddings; the first is DS-CNN's stem, the last a time-strided kws block.
const CASES: Case[] = [
  { input: [2, 49, 10, 1], kernel: [10, 4], strides: [2, 2], padding: 'same', out: 8 },
  { input: [3, 7, 6, 4], kernel: [3, 3], strides: [1, 1], padding: 'same', out: 5 },
  { input: [2, 9, 8, 3], kernel: [3, 2], strides: [2, 3], padding: 'valid', out: 4 },
  { input: [2, 8, 5, 2], kernel: [4, 3], strides: [3, 2], padding: 'same', out: 3 },
  { input: [1, 5, 5, 6], kernel: [1, 1], strides: [1, 1], padding: 'valid', out: 7 },
  { input: [2, 6, 7, 2], kernel: [2, 2], strides: [1, 2], padding: 'valid', out: 3 },
  { input: [2, 9, 5, 3], kernel: [3, 2], strides: [2, 1], padding: 'same', out: 4 },
  { input: [2, 1, 49, 10], kernel: [1, 9], strides: [1, 2], padding: 'same', out: 6 },
];

describe('planAxis', () => {
  it("follows TensorFlow's 'same' and 'valid' rules", () => {
    expect(planAxis(49, 10, 2, 'same')).toEqual({ out: 25, before: 4 }); // total padding 9: 4 before, 5 after
    expect(planAxis(10, 4, 2, 'same')).toEqual({ out: 5, before: 1 });
    expect(planAxis(7, 3, 1, 'same')).toEqual({ out: 7, before: 1 });
    expect(planAxis(8, 3, 3, 'same')).toEqual({ out: 3, before: 0 }); // total (3-1)*3+3-8 = 1: all of it after
    expect(planAxis(9, 3, 2, 'valid')).toEqual({ out: 4, before: 0 });
    expect(planAxis(2, 3, 1, 'valid')).toEqual({ out: 0, before: 0 });
  });
});

describe('unfoldConv2d', () => {
  it.each(CASES)('equals tf.conv2d + bias on the CPU backend within 1e-5: $input * $kernel, strides $strides, $padding', async (c) => {
    const [, , , cin] = c.input;
    const x = randomArray(c.input.reduce((a, b) => a * b), 1);
    const w = randomArray(c.kernel[0] * c.kernel[1] * cin * c.out, 2);
    const b = randomArray(c.out, 3);
    const wShape: [number, number, number, number] = [c.kernel[0], c.kernel[1], cin, c.out];
    const reference = await onCpu(() =>
      tf.relu(tf.add(tf.conv2d(tf.tensor4d(x, c.input), tf.tensor4d(w, wShape), c.strides, c.padding), tf.tensor1d(b))),
    );
    const ours = tf.tidy(() =>
      unfoldConv2d(tf.tensor4d(x, c.input), tf.tensor4d(w, wShape), tf.tensor1d(b), { ...c, activation: 'relu' }).dataSync(),
    );
    expect(maxAbsDiff(ours, reference)).toBeLessThan(1e-5);
  });

  it('equals tf.conv1d as a one-row image', async () => {
    const x = randomArray(2 * 49 * 10, 4);
    const w = randomArray(5 * 10 * 8, 5);
    for (const [stride, padding] of [[1, 'same'], [2, 'valid'], [3, 'same']] as const) {
      const reference = await onCpu(() => tf.conv1d(tf.tensor3d(x, [2, 49, 10]), tf.tensor3d(w, [5, 10, 8]), stride, padding));
      const ours = tf.tidy(() =>
        unfoldConv2d(tf.tensor4d(x, [2, 1, 49, 10]), tf.tensor4d(w, [1, 5, 10, 8]), undefined, { kernel: [1, 5], strides: [1, stride], padding }).dataSync(),
      );
      expect(maxAbsDiff(ours, reference)).toBeLessThan(1e-5);
    }
  });
});

describe('unfoldDepthwiseConv2d', () => {
  it.each(CASES)('equals tf.depthwiseConv2d + bias on the CPU backend within 1e-5: $input * $kernel, strides $strides, $padding', async (c) => {
    const [, , , channels] = c.input;
    const x = randomArray(c.input.reduce((a, b) => a * b), 6);
    const w = randomArray(c.kernel[0] * c.kernel[1] * channels, 7);
    const b = randomArray(channels, 8);
    const wShape: [number, number, number, number] = [c.kernel[0], c.kernel[1], channels, 1];
    const reference = await onCpu(() =>
      tf.add(tf.depthwiseConv2d(tf.tensor4d(x, c.input), tf.tensor4d(w, wShape), c.strides, c.padding), tf.tensor1d(b)),
    );
    const ours = tf.tidy(() => unfoldDepthwiseConv2d(tf.tensor4d(x, c.input), tf.tensor4d(w, wShape), tf.tensor1d(b), c).dataSync());
    expect(maxAbsDiff(ours, reference)).toBeLessThan(1e-5);
  });

  it('runs on the backend initBackend chose, not the CPU reference', () => {
    expect(tf.getBackend()).toBe(currentBackend()?.backend);
  });
});
