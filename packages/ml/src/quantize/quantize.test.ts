import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend.js';
import { floatForward } from './float-forward.js';
import { int8Footprint, arenaLayout } from './footprint.js';
import { int8ModelFromJson, int8ModelToJson, loadInt8Model, saveInt8Model } from './int8-model-file.js';
import { dequantizeOutput, predictInt8, quantizeInput, runInt8 } from './interpreter.js';
import { quantizeGraph, quantizeModel } from './quantize-graph.js';
import { readFloatGraph } from './read-model.js';
import { tinyAutoencoder, tinyConv1d, tinyDsCnn, type TinyModel } from './testing/tiny-models.js';

let root: string;
beforeAll(async () => {
  await initBackend();
  root = await mkdtemp(join(tmpdir(), 'sensorkit-quantize-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function predict(t: TinyModel, inputs: Float32Array[]): Float32Array[] {
  return tf.tidy(() => {
    const shape = t.model.inputs[0]!.shape.slice(1) as number[];
    const x = tf.tensor(Float32Array.from(inputs.flatMap((a) => Array.from(a))), [inputs.length, ...shape]);
    const y = (t.model.predict(x) as tf.Tensor).reshape([inputs.length, -1]);
    const data = y.dataSync();
    const width = y.shape[1]!;
    return inputs.map((_, i) => Float32Array.from(data.subarray(i * width, (i + 1) * width)));
  });
}

const argmax = (a: ArrayLike<number>): number => Array.from(a).reduce((best, v, i, all) => (v > all[best]! ? i : best), 0);

describe.each([tinyAutoencoder(), tinyDsCnn(), tinyConv1d()])('int8 quantization of the tiny $name model', (t) => {
  const calibration = t.inputs(200, 100);
  const test = t.inputs(100, 200);

  it('reads the TF.js model into a float graph that computes what model.predict does (batch norm folded, activations fused)', () => {
    const graph = readFloatGraph(t.model);
    expect(graph.ops.some((op) => op.layers.some((l) => l.includes('batch_normalization') || l.endsWith('_bn'))) || t.name !== 'ds_cnn').toBe(true);
    const expected = predict(t, test);
    test.forEach((x, i) => {
      const got = floatForward(graph, x).at(-1)!;
      for (let j = 0; j < got.length; j++) expect(got[j]).toBeCloseTo(expected[i]![j]!, 4);
    });
  });

  it('int8 outputs track the float outputs within a few output steps', () => {
    const model = quantizeModel(t.model, calibration);
    const out = model.tensors.at(-1)!;
    const expected = predict(t, test);
    const got = predictInt8(model, test);
    let worst = 0;
    let squares = 0;
    let count = 0;
    let agree = 0;
    got.forEach((g, i) => {
      for (let j = 0; j < g.length; j++) {
        const e = Math.abs(g[j]! - expected[i]![j]!);
        worst = Math.max(worst, e);
        squares += e * e;
        count++;
      }
      if (argmax(g) === argmax(expected[i]!)) agree++;
    });
    // Errors compound through layers; each layer's rounding is half a step of its own scale.
    expect(Math.sqrt(squares / count) / out.scale).toBeLessThan(2.5);
    expect(worst / out.scale).toBeLessThan(12);
    if (t.name !== 'autoencoder') expect(agree / test.length).toBeGreaterThanOrEqual(0.9);
  });

  it('survives the JSON round trip bit for bit, and the arena fits every neighbouring pair of tensors', async () => {
    const model = quantizeModel(t.model, calibration);
    const dir = join(root, t.name);
    await saveInt8Model(dir, model);
    const loaded = await loadInt8Model(dir);
    expect(int8ModelToJson(loaded)).toBe(int8ModelToJson(model));
    for (const x of test.slice(0, 10)) expect(runInt8(loaded, quantizeInput(loaded, x))).toEqual(runInt8(model, quantizeInput(model, x)));
    const layout = arenaLayout(model);
    const sizes = model.tensors.map((tensor) => tensor.shape[0] * tensor.shape[1] * tensor.shape[2]);
    for (let k = 0; k + 1 < sizes.length; k++) {
      const [a, b] = k % 2 === 0 ? [k, k + 1] : [k + 1, k];
      expect(layout.offsets[a]! + sizes[a]!).toBeLessThanOrEqual(layout.offsets[b]!); // no overlap
    }
    expect(int8Footprint(model).weightBytes).toBe(model.ops.reduce((s, op) => s + ('weights' in op ? op.weights.length : 0), 0));
  });
});

describe('int8 quantization details', () => {
  it('quantizes activations after ReLU with zero point -128 and clamps ReLU6 at 6', () => {
    const t = tinyDsCnn();
    const model = quantizeModel(t.model, t.inputs(50, 1));
    model.ops.forEach((op, k) => {
      if (!('clamp' in op) || op.clamp[0] === -128 && op.clamp[1] === 127) return;
      const out = model.tensors[k + 1]!;
      expect(op.clamp[0]).toBe(out.zeroPoint);
      if (op.clamp[1] < 127) expect((op.clamp[1] - out.zeroPoint) * out.scale).toBeCloseTo(6, 1);
    });
    const softmax = model.tensors.at(-1)!;
    expect(softmax).toMatchObject({ scale: 1 / 256, zeroPoint: -128 });
  });

  it('int8 softmax outputs sum to about 1 and follow the largest input', () => {
    const t = tinyConv1d();
    const model = quantizeModel(t.model, t.inputs(100, 3));
    for (const x of t.inputs(20, 4)) {
      const p = dequantizeOutput(model, runInt8(model, quantizeInput(model, x)));
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 1);
    }
  });

  it('percentile calibration narrows ranges that min/max stretches for one outlier', () => {
    const t = tinyAutoencoder();
    const calibration = t.inputs(300, 5);
    calibration[0]![0] = 50;
    const graph = readFloatGraph(t.model);
    const minmax = quantizeGraph(graph, calibration);
    const percentile = quantizeGraph(graph, calibration, { method: 'percentile', percentile: 99.9 });
    expect(percentile.tensors[0]!.scale).toBeLessThan(minmax.tensors[0]!.scale / 5);
    expect(percentile.calibration).toEqual({ method: 'percentile', percentile: 99.9, samples: 300 });
  });

  it('refuses layers it has no kernel for, naming the layer', () => {
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 4, activation: 'tanh', inputShape: [3], name: 'squash' }));
    expect(() => readFloatGraph(model)).toThrow(/layer squash: activation "tanh" has no int8 kernel/);
    const lstm = tf.sequential();
    lstm.add(tf.layers.simpleRNN({ units: 2, inputShape: [4, 3], name: 'rnn' }));
    expect(() => readFloatGraph(lstm)).toThrow(/layer rnn \(SimpleRNN\) has no int8 kernel/);
    const bn = tf.sequential();
    bn.add(tf.layers.dense({ units: 4, activation: 'relu', inputShape: [3] }));
    bn.add(tf.layers.batchNormalization({ name: 'late_bn' }));
    expect(() => readFloatGraph(bn)).toThrow(/late_bn: batch norm must directly follow/);
  });

  it('refuses a model file of another format', () => {
    expect(() => int8ModelFromJson('{"format":"tflite","version":3}', 'x.json')).toThrow(/x.json: format "tflite" version 3; expected "sensorkit-int8" version 1/);
  });
});
