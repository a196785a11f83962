import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRandom, ParameterError } from '@sensorkit/dsp';
import { initBackend } from '../backend.js';
import { fileLoadHandler, fileSaveHandler } from '../model-folder/file-handler.js';
import { UnfoldConv1D } from './conv1d.js';
import { UnfoldConv2D } from './conv2d.js';
import { UnfoldDepthwiseConv2D } from './depthwise-conv2d.js';
import { separableBlock } from './separable-block.js';
import { unfoldConv2d, unfoldDepthwiseConv2d } from './unfold.js';

let backend: string;
let root: string;
beforeAll(async () => {
  backend = (await initBackend()).backend;
  root = await mkdtemp(join(tmpdir(), 'sensorkit-ml-layers-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function randomArray(n: number, seed: number): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length: n }, () => random.gaussian());
}

async function onCpu<T>(f: () => T): Promise<T> {
  await tf.setBackend('cpu');
  try {
    return f();
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

/** A small DS-CNN: stem conv, two separable blocks, pooling, dense softmax over `classes`. */
function tinyDsCnn(classes: number): tf.Sequential {
  const model = tf.sequential();
  model.add(new UnfoldConv2D({ filters: 8, kernelSize: [4, 3], strides: 2, padding: 'same', useBias: false, seed: 1, inputShape: [12, 6, 1] }));
  model.add(tf.layers.batchNormalization({ momentum: 0.8 }));
  model.add(tf.layers.reLU());
  for (const [i, seed] of [2, 3].entries()) for (const layer of separableBlock({ filters: 8, seed, momentum: 0.8, name: `ds${i}` })) model.add(layer);
  model.add(tf.layers.averagePooling2d({ poolSize: [2, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: [1, 3] }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: classes, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) }));
  return model;
}

/** Three classes of 12x6 "spectrograms": a bright row near the top, middle or bottom, in noise. */
function stripes(n: number, seed: number): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const random = createRandom(seed);
  const x = new Float32Array(n * 72);
  const labels: number[] = [];
  for (let s = 0; s < n; s++) {
    const label = s % 3;
    labels.push(label);
    const row = label * 4 + Math.floor(random.uniform() * 4);
    for (let i = 0; i < 72; i++) x[s * 72 + i] = 0.5 * random.gaussian() + (Math.floor(i / 6) === row ? 1.5 : 0);
  }
  return { x: tf.tensor4d(x, [n, 12, 6, 1]), y: tf.oneHot(labels, 3).toFloat() as tf.Tensor2D };
}

describe('gradients', () => {
  it('of the unfold convolutions equal those of tf.conv2d / tf.depthwiseConv2d on the CPU backend within 1e-4', async () => {
    const x = randomArray(2 * 9 * 7 * 3, 1);
    const w = randomArray(3 * 3 * 3 * 4, 2);
    const d = randomArray(3 * 3 * 3, 3);
    const xShape: [number, number, number, number] = [2, 9, 7, 3];
    const options = { kernel: [3, 3] as [number, number], strides: [2, 1] as [number, number], padding: 'same' as const };
    // Loss = sum of squares of the output: its gradients reach every weight and input sample.
    const gradients = (conv: (x: tf.Tensor4D, w: tf.Tensor4D, d: tf.Tensor4D) => tf.Tensor): number[][] =>
      tf.tidy(() => {
        const f = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor): tf.Tensor => tf.sum(tf.square(conv(a as tf.Tensor4D, b as tf.Tensor4D, c as tf.Tensor4D)));
        return tf.grads(f)([tf.tensor4d(x, xShape), tf.tensor4d(w, [3, 3, 3, 4]), tf.tensor4d(d, [3, 3, 3, 1])]).map((g) => Array.from(g.dataSync()));
      });
    const reference = await onCpu(() =>
      gradients((a, b, c) => tf.concat([tf.conv2d(a, b, options.strides, 'same'), tf.depthwiseConv2d(a, c, options.strides, 'same')], 3)),
    );
    const ours = gradients((a, b, c) => tf.concat([unfoldConv2d(a, b, undefined, options), unfoldDepthwiseConv2d(a, c, undefined, options)], 3));
    reference.forEach((g, i) => expect(maxAbsDiff(ours[i], g)).toBeLessThan(1e-4));
  });
});

describe('unfold layers', () => {
  it('trains a small DS-CNN on the backend initBackend chose: loss falls and held-out accuracy is far above chance', async () => {
    const model = tinyDsCnn(3);
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const train = stripes(192, 1);
    const test = stripes(60, 2);
    const history = await model.fit(train.x, train.y, { epochs: 8, batchSize: 32, shuffle: false, verbose: 0 });
    const loss = history.history.loss.map(Number);
    expect(loss[loss.length - 1]).toBeLessThan(0.5 * loss[0]);
    const [, accuracy] = model.evaluate(test.x, test.y) as tf.Scalar[];
    expect(accuracy.dataSync()[0]).toBeGreaterThan(0.9); // chance is 1/3
  });

  it('UnfoldConv1D trains on [batch, steps, channels] and matches tf.conv1d', async () => {
    const layer = new UnfoldConv1D({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', seed: 9, inputShape: [10, 2] });
    const model = tf.sequential({ layers: [layer, tf.layers.flatten(), tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) })] });
    expect(model.outputs[0].shape).toEqual([null, 1]);
    expect(layer.outputShape).toEqual([null, 5, 4]);
    const x = tf.tensor3d(randomArray(64 * 20, 5), [64, 10, 2]);
    const y = tf.sum(tf.reshape(x, [64, 20]).slice([0, 3], [64, 4]), 1, true);
    model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError' });
    const history = await model.fit(x, y, { epochs: 30, batchSize: 16, shuffle: false, verbose: 0 });
    const loss = history.history.loss.map(Number);
    expect(loss[loss.length - 1]).toBeLessThan(0.2 * loss[0]);
    const [kernel, bias] = layer.getWeights();
    const probe = tf.tensor3d(randomArray(2 * 20, 6), [2, 10, 2]);
    const expected = tf.add(tf.conv1d(probe, kernel as tf.Tensor3D, 2, 'same'), bias).dataSync();
    expect(maxAbsDiff((layer.apply(probe) as tf.Tensor).dataSync(), expected)).toBeLessThan(1e-5);
  });

  it('save and load through model.json + weights.bin with bit-identical outputs', async () => {
    const model = tinyDsCnn(3);
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
    const data = stripes(48, 3);
    await model.fit(data.x, data.y, { epochs: 2, batchSize: 16, shuffle: false, verbose: 0 }); // moves the batch-norm statistics too
    const conv1d = tf.sequential({ layers: [new UnfoldConv1D({ filters: 3, kernelSize: 4, activation: 'relu', seed: 2, inputShape: [8, 2] })] });
    for (const [name, m, probe] of [
      ['dscnn', model, stripes(9, 4).x],
      ['conv1d', conv1d, tf.tensor3d(randomArray(3 * 16, 7), [3, 8, 2])],
    ] as const) {
      await m.save(fileSaveHandler(join(root, name)));
      const loaded = await tf.loadLayersModel(await fileLoadHandler(join(root, name)));
      expect(loaded.layers.map((l) => l.getClassName())).toEqual(m.layers.map((l) => l.getClassName()));
      expect(Array.from((loaded.predict(probe) as tf.Tensor).dataSync())).toEqual(Array.from((m.predict(probe) as tf.Tensor).dataSync()));
    }
    expect(model.layers[0].getConfig()).toMatchObject({ filters: 8, kernelSize: [4, 3], strides: [2, 2], padding: 'same', useBias: false, seed: 1 });
    expect(model.countParams()).toBe(8 * 12 + 4 * 8 + 2 * (9 * 8 + 4 * 8 + 8 * 8 + 4 * 8) + (3 * 8 * 3 + 3));
  });

  it('refuse bad options and inputs, naming the value', () => {
    expect(() => new UnfoldConv2D({ filters: 0, kernelSize: 3 })).toThrow(ParameterError);
    expect(() => new UnfoldConv2D({ filters: 0, kernelSize: 3 })).toThrow(/filters = 0/);
    expect(() => new UnfoldConv2D({ filters: 2, kernelSize: [3, 3, 3] })).toThrow(/kernelSize = \[3,3,3\]|kernelSize = 3,3,3/);
    expect(() => new UnfoldDepthwiseConv2D({ kernelSize: 3, padding: 'causal' as 'same' })).toThrow(/padding/);
    expect(() => new UnfoldConv1D({ filters: 2, kernelSize: 2, strides: 0 })).toThrow(/strides = 0/);
    expect(() => tf.sequential({ layers: [new UnfoldConv2D({ filters: 2, kernelSize: 5, inputShape: [3, 8, 1] })] })).toThrow(/input shape = 3/);
    expect(() => tf.sequential({ layers: [new UnfoldConv2D({ filters: 2, kernelSize: 3, inputShape: [8, 8] })] })).toThrow(/rank 4/);
  });
});
