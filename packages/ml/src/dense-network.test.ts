import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { ParameterError } from '@sensorkit/dsp';
import { initBackend } from './backend.js';
import { denseNetwork } from './dense-network.js';
import { setSeed } from './seed.js';

beforeAll(async () => {
  await initBackend();
});

function weightsOf(model: tf.LayersModel): number[][] {
  return model.getWeights().map((w) => Array.from(w.dataSync()));
}

describe('denseNetwork', () => {
  it('builds the autoencoder shape with relu hidden layers and a linear output', () => {
    const model = denseNetwork({ inputs: 10, layers: [16, 4, 16, 10], seed: 1 });
    expect(model.inputs[0].shape).toEqual([null, 10]);
    expect(model.outputs[0].shape).toEqual([null, 10]);
    expect(model.layers.map((l) => (l.getConfig() as { units: number }).units)).toEqual([16, 4, 16, 10]);
    expect(model.layers.map((l) => (l.getConfig() as { activation: string }).activation)).toEqual(['relu', 'relu', 'relu', 'linear']);
    expect(model.countParams()).toBe(10 * 16 + 16 + 16 * 4 + 4 + 4 * 16 + 16 + 16 * 10 + 10);
    const softmax = denseNetwork({ inputs: 3, layers: [5, 2], activation: 'tanh', outputActivation: 'softmax', seed: 1 });
    expect(softmax.layers.map((l) => (l.getConfig() as { activation: string }).activation)).toEqual(['tanh', 'softmax']);
  });

  it('gives identical weights for the same seed, different ones for another seed and for each layer', () => {
    const a = weightsOf(denseNetwork({ inputs: 6, layers: [6, 6, 6], seed: 11 }));
    const b = weightsOf(denseNetwork({ inputs: 6, layers: [6, 6, 6], seed: 11 }));
    const c = weightsOf(denseNetwork({ inputs: 6, layers: [6, 6, 6], seed: 12 }));
    expect(b).toEqual(a);
    expect(c[0]).not.toEqual(a[0]);
    // Kernels 0, 2, 4 have the same shape; derived seeds keep them apart.
    expect(a[2]).not.toEqual(a[0]);
    expect(a[4]).not.toEqual(a[2]);
  });

  it('draws its seed from setSeed when none is given', () => {
    setSeed(9);
    const a = weightsOf(denseNetwork({ inputs: 4, layers: [3, 4] }));
    const a2 = weightsOf(denseNetwork({ inputs: 4, layers: [3, 4] }));
    setSeed(9);
    expect(weightsOf(denseNetwork({ inputs: 4, layers: [3, 4] }))).toEqual(a);
    expect(a2).not.toEqual(a);
  });

  it('initialises kernels Glorot-uniform within +-sqrt(6 / (fanIn + fanOut)) and biases to zero', () => {
    const model = denseNetwork({ inputs: 40, layers: [30], seed: 3 });
    const [kernel, bias] = weightsOf(model);
    const limit = Math.sqrt(6 / 70);
    expect(Math.max(...kernel.map(Math.abs))).toBeLessThanOrEqual(limit);
    // A uniform on [-limit, limit] has standard deviation limit / sqrt(3); 1200 draws pin it to ~2 %.
    const sd = Math.sqrt(kernel.reduce((s, v) => s + v * v, 0) / kernel.length);
    expect(sd / (limit / Math.sqrt(3))).toBeGreaterThan(0.93);
    expect(sd / (limit / Math.sqrt(3))).toBeLessThan(1.07);
    expect(bias.every((v) => v === 0)).toBe(true);
  });

  it('refuses bad shapes with ParameterErrors naming the option', () => {
    expect(() => denseNetwork({ inputs: 0, layers: [2], seed: 1 })).toThrow(/denseNetwork: inputs = 0/);
    expect(() => denseNetwork({ inputs: 3, layers: [], seed: 1 })).toThrow(ParameterError);
    expect(() => denseNetwork({ inputs: 3, layers: [4, 2.5], seed: 1 })).toThrow(/layers\[1\] = 2.5/);
    expect(() => denseNetwork({ inputs: 3, layers: [4], seed: -3 })).toThrow(/seed = -3/);
  });
});
