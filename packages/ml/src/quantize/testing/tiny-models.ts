import * as tf from '@tensorflow/tfjs';
import { createRandom } from '@sensorkit/dsp';
import { UnfoldConv1D } from '../../layers/conv1d.js';
import { UnfoldConv2D } from '../../layers/conv2d.js';
import { separableBlock } from '../../layers/separable-block.js';
import { deriveSeed, seededInitializers } from '../../seed.js';

/*
 * Small seeded models covering every op the int8 path has, for the quantizer's and the C runtime's
 * tests. Weights are random but every bias and batch-norm statistic is set to something non-trivial, so
 * folding and bias quantization are exercised rather than multiplied by zero.
 */

/** A named test model with representative inputs drawn for it. */
export interface TinyModel {
  name: string;
  model: tf.LayersModel;
  /** input length (product of the input shape) */
  inputSize: number;
  inputs(count: number, seed: number): Float32Array[];
}

function gaussianInputs(size: number, scale: number) {
  return (count: number, seed: number): Float32Array[] => {
    const random = createRandom(seed);
    return Array.from({ length: count }, () => Float32Array.from({ length: size }, () => scale * random.gaussian()));
  };
}

/** Replaces every bias / beta / moving statistic with seeded values (variance positive). */
function perturb(model: tf.LayersModel, seed: number): tf.LayersModel {
  const random = createRandom(seed);
  for (const layer of model.layers) {
    const weights = layer.getWeights();
    if (weights.length === 0) continue;
    const names = layer.weights.map((w) => w.originalName.split('/').pop());
    layer.setWeights(
      weights.map((w, i) => {
        const name = names[i];
        if (name === 'bias' || name === 'beta' || name === 'moving_mean') return tf.tensor(Float32Array.from({ length: w.size }, () => 0.3 * random.gaussian()), w.shape);
        if (name === 'gamma' || name === 'moving_variance') return tf.tensor(Float32Array.from({ length: w.size }, () => 0.5 + random.uniform()), w.shape);
        return w;
      }),
    );
  }
  return model;
}

/** A dense autoencoder like the anomaly app's: 12 -> 16 -> 4 -> 16 -> 12, ReLU, linear output. */
export function tinyAutoencoder(seed = 1): TinyModel {
  const model = tf.sequential({ name: 'tiny_autoencoder' });
  [16, 4, 16, 12].forEach((units, i) => {
    model.add(tf.layers.dense({ units, activation: i === 3 ? 'linear' : 'relu', ...(i === 0 ? { inputShape: [12] } : {}), ...seededInitializers(deriveSeed(seed, i)) }));
  });
  return { name: 'autoencoder', model: perturb(model, seed), inputSize: 12, inputs: gaussianInputs(12, 1) };
}

/** A DS-CNN in miniature on 12x6 "MFCC": conv2d + BN + ReLU, a separable block, ReLU6, max pool ('same'), TF.js depthwise, average pools, dense, softmax. */
export function tinyDsCnn(seed = 2): TinyModel {
  const model = tf.sequential({ name: 'tiny_ds_cnn' });
  model.add(tf.layers.reshape({ targetShape: [12, 6, 1], inputShape: [12, 6] }));
  model.add(new UnfoldConv2D({ filters: 8, kernelSize: [4, 3], strides: 2, padding: 'same', useBias: false, seed: deriveSeed(seed, 0) }));
  model.add(tf.layers.batchNormalization({}));
  model.add(tf.layers.reLU({}));
  for (const layer of separableBlock({ filters: 8, seed: deriveSeed(seed, 1), name: 'ds1' })) model.add(layer);
  model.add(new UnfoldConv2D({ filters: 8, kernelSize: 1, activation: 'linear', seed: deriveSeed(seed, 2) }));
  model.add(tf.layers.reLU({ maxValue: 6 }));
  model.add(tf.layers.maxPooling2d({ poolSize: [3, 3], strides: [1, 1], padding: 'same' }));
  // TF.js's own depthwise layer (forward only: it does not train on WASM, but it quantizes like the unfold one).
  model.add(tf.layers.depthwiseConv2d({ kernelSize: [2, 2], padding: 'valid', activation: 'relu', ...seededInitializers(deriveSeed(seed, 4)), depthwiseInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(seed, 5) }) }));
  model.add(tf.layers.averagePooling2d({ poolSize: [2, 2], strides: [2, 2], padding: 'same' }));
  model.add(tf.layers.globalAveragePooling2d({}));
  model.add(tf.layers.dense({ units: 5, activation: 'softmax', ...seededInitializers(deriveSeed(seed, 3)) }));
  return { name: 'ds_cnn', model: perturb(model, seed), inputSize: 72, inputs: gaussianInputs(72, 2) };
}

/** A gesture-style 1-D CNN on 20 steps x 3 axes: strided conv1d, TF.js conv1d with ReLU6, max pool, flatten, dropout, dense, softmax. */
export function tinyConv1d(seed = 3): TinyModel {
  const model = tf.sequential({ name: 'tiny_conv1d' });
  model.add(new UnfoldConv1D({ filters: 6, kernelSize: 5, strides: 2, padding: 'same', activation: 'relu', inputShape: [20, 3], seed: deriveSeed(seed, 0) }));
  model.add(new UnfoldConv1D({ filters: 8, kernelSize: 3, padding: 'valid', activation: 'relu', seed: deriveSeed(seed, 1) }));
  model.add(tf.layers.conv1d({ filters: 8, kernelSize: 2, padding: 'same', activation: 'relu6', ...seededInitializers(deriveSeed(seed, 4)) }));
  model.add(tf.layers.maxPooling1d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dropout({ rate: 0.25 }));
  model.add(tf.layers.dense({ units: 10, activation: 'relu', ...seededInitializers(deriveSeed(seed, 2)) }));
  model.add(tf.layers.dense({ units: 4, activation: 'softmax', ...seededInitializers(deriveSeed(seed, 3)) }));
  return { name: 'conv1d', model: perturb(model, seed), inputSize: 60, inputs: gaussianInputs(60, 1) };
}

/** All of the above. */
export function tinyModels(): TinyModel[] {
  return [tinyAutoencoder(), tinyDsCnn(), tinyConv1d()];
}
