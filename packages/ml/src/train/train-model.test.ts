import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { InputError, ParameterError } from '@sensorkit/dsp';
import { initBackend } from '../backend.js';
import { denseNetwork } from '../dense-network.js';
import { trainModel } from './train-model.js';

beforeAll(async () => {
  await initBackend();
});

const W = [0.5, -1, 2, 0.25];

/** 64 samples of 4 features and the linear target x . W (seeded, so every run sees the same data). */
function regression(sign = 1, seed = 1): { x: tf.Tensor; y: tf.Tensor } {
  const x = tf.randomNormal([64, 4], 0, 1, 'float32', seed);
  const y = tf.matMul(x, tf.tensor2d(W.map((w) => [sign * w])));
  return { x, y };
}

function linearModel(seed: number, learningRate = 0.05): tf.LayersModel {
  const model = denseNetwork({ inputs: 4, layers: [1], seed });
  model.compile({ optimizer: tf.train.sgd(learningRate), loss: 'meanSquaredError' });
  return model;
}

function weightsOf(model: tf.LayersModel): number[][] {
  return model.getWeights().map((w) => Array.from(w.dataSync()));
}

function collector(): { stream: NodeJS.WritableStream; lines: () => string[] } {
  let text = '';
  const stream = { write: (chunk: string): boolean => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
  return { stream, lines: () => text.split('\n').filter((l) => l.length > 0) };
}

describe('trainModel', () => {
  it('repeats exactly for the same seed (weights and losses), and shuffles differently for another', async () => {
    const train = async (shuffleSeed: number): Promise<{ weights: number[][]; loss: number[] }> => {
      const model = denseNetwork({ inputs: 4, layers: [3, 1], seed: 4 });
      model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError' });
      const result = await trainModel(model, regression(), { epochs: 4, batchSize: 8, seed: shuffleSeed, progress: false });
      return { weights: weightsOf(model), loss: result.history.loss };
    };
    const a = await train(21);
    const b = await train(21);
    const c = await train(22);
    expect(b.weights).toEqual(a.weights);
    expect(b.loss).toEqual(a.loss);
    expect(c.weights).not.toEqual(a.weights);
  });

  it('learns a linear map (the loss falls below 1 % of where it started)', async () => {
    const model = linearModel(1);
    const result = await trainModel(model, regression(), { epochs: 30, batchSize: 8, seed: 1, progress: false });
    expect(result.epochs).toBe(30);
    expect(result.stoppedEarly).toBe(false);
    expect(result.history.loss.at(-1)).toBeLessThan(0.01 * result.history.loss[0]);
    const kernel = weightsOf(model)[0];
    kernel.forEach((k, i) => expect(k).toBeCloseTo(W[i], 1));
    expect(result.bestEpoch).toBe(result.history.loss.indexOf(Math.min(...result.history.loss)) + 1);
  });

  it('stops early when validation loss rises, and restores the weights of the best epoch', async () => {
    // Validation targets are the negated training targets: the better the fit, the worse the validation loss.
    const model = linearModel(2);
    const data = regression();
    const validation = regression(-1);
    const tensorsBefore = tf.memory().numTensors;
    const result = await trainModel(model, { ...data, validation }, {
      epochs: 40,
      batchSize: 16,
      seed: 3,
      earlyStopping: { patience: 3 },
      progress: false,
    });
    // Shuffled copies and weight snapshots are all disposed.
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    const valLoss = result.history.valLoss ?? [];
    expect(result.stoppedEarly).toBe(true);
    expect(result.epochs).toBe(result.bestEpoch + 4);
    expect(valLoss).toHaveLength(result.epochs);
    expect(valLoss[result.bestEpoch - 1]).toBe(Math.min(...valLoss));
    // The model now scores exactly what it scored at the best epoch, not the last.
    const restored = (model.evaluate(validation.x, validation.y) as tf.Scalar).dataSync()[0];
    expect(restored).toBeCloseTo(valLoss[result.bestEpoch - 1], 5);
    expect(restored).toBeLessThan(valLoss[result.epochs - 1]);
  });

  it('holds out the last fraction with validationSplit, as Keras does', async () => {
    const model = linearModel(5);
    const data = regression();
    const result = await trainModel(model, data, { epochs: 2, batchSize: 8, validationSplit: 0.25, seed: 1, progress: false });
    const heldX = data.x.slice(48, 16);
    const heldY = data.y.slice(48, 16);
    const loss = (model.evaluate(heldX, heldY) as tf.Scalar).dataSync()[0];
    expect(result.history.valLoss?.[1]).toBeCloseTo(loss, 5);
  });

  it('reports validation accuracy and honours class weights', async () => {
    // Labels carry no signal (x is noise): the model can only learn the class prior, 10 % ones,
    // unless the ones weigh 9 times more, which moves the balance point to one half.
    const x = tf.randomNormal([200, 2], 0, 1, 'float32', 8);
    const y = tf.tensor2d(Array.from({ length: 200 }, (_, i) => [i % 10 === 0 ? 1 : 0]));
    const meanOutput = async (classWeight?: Record<number, number>): Promise<{ mean: number; acc: number[] }> => {
      const model = denseNetwork({ inputs: 2, layers: [1], outputActivation: 'sigmoid', seed: 1 });
      model.compile({ optimizer: tf.train.adam(0.1), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
      const result = await trainModel(model, { x, y, validation: { x, y } }, {
        epochs: 15,
        batchSize: 50,
        seed: 2,
        progress: false,
        ...(classWeight ? { classWeight } : {}),
      });
      return { mean: (model.predict(x) as tf.Tensor).mean().dataSync()[0], acc: result.history.valAccuracy ?? [] };
    };
    const plain = await meanOutput();
    const weighted = await meanOutput({ 0: 1, 1: 9 });
    expect(plain.mean).toBeLessThan(0.2);
    expect(weighted.mean).toBeGreaterThan(0.35);
    expect(plain.acc).toHaveLength(15);
    expect(plain.acc.at(-1)).toBeCloseTo(0.9, 2);
  });

  it('prints one progress line per epoch and a summary when the stream is not a terminal', async () => {
    const out = collector();
    await trainModel(linearModel(1), { ...regression(), validation: regression() }, { epochs: 3, seed: 1, label: 'lin', progress: out.stream });
    const lines = out.lines();
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^lin {2}epoch 1\/3 {2}loss \d\.\d+ {2}val loss \d\.\d+ {2}ETA /);
    expect(lines[2]).toMatch(/^lin {2}epoch 3\/3 .* took /);
    expect(lines[3]).toMatch(/^lin {2}trained 3 epochs; best epoch [123] \(val loss /);
  });

  it('refuses bad options and mismatched data', async () => {
    const model = linearModel(1);
    const data = regression();
    await expect(trainModel(model, data, { epochs: 0 })).rejects.toThrow(ParameterError);
    await expect(trainModel(model, data, { epochs: 1, earlyStopping: { patience: 1, monitor: 'val_loss' } })).rejects.toThrow(
      /earlyStopping.monitor = "val_loss"; expected 'loss' when there is no validation data/,
    );
    await expect(trainModel(model, data, { epochs: 1, validationSplit: 1 })).rejects.toThrow(/validationSplit = 1/);
    await expect(trainModel(model, { x: data.x, y: data.y.slice(0, 10) }, { epochs: 1 })).rejects.toThrow(InputError);
    await expect(trainModel(model, { x: data.x, y: data.y.slice(0, 10) }, { epochs: 1 })).rejects.toThrow(/x has shape \[64, 4\] and y \[10, 1\]/);
  });
});
