import * as tf from '@tensorflow/tfjs';
import { ParameterError, requireInteger } from '@sensorkit/dsp';
import { deriveSeed, nextSeed, seededInitializers } from './seed.js';

export type Activation = NonNullable<NonNullable<Parameters<typeof tf.layers.dense>[0]>['activation']>;

export interface DenseNetworkOptions {
  /** features per sample (the input width) */
  inputs: number;
  /** units of each dense layer in order; the last is the output width */
  layers: readonly number[];
  /** hidden-layer activation (default 'relu') */
  activation?: Activation;
  /** output-layer activation (default 'linear': regression and autoencoders; 'softmax' for classifiers) */
  outputActivation?: Activation;
  /** weight-initialisation seed (default: the next seed after setSeed) */
  seed?: number;
  /** model name (default 'dense') */
  name?: string;
}

/**
 * A stack of dense layers with seeded Glorot initialisation, uncompiled (the caller picks loss and
 * optimizer). Each layer gets its own seed derived from `seed`, so equal-shaped layers still differ.
 * @example
 * const autoencoder = denseNetwork({ inputs: 24, layers: [16, 4, 16, 24], seed: 1 });
 * autoencoder.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
 */
export function denseNetwork(options: DenseNetworkOptions): tf.Sequential {
  const inputs = requireInteger('denseNetwork', 'inputs', options.inputs, 1);
  if (!Array.isArray(options.layers) || options.layers.length === 0) {
    throw new ParameterError('denseNetwork', 'layers', options.layers, 'a non-empty array of layer widths');
  }
  options.layers.forEach((units, i) => requireInteger('denseNetwork', `layers[${i}]`, units, 1));
  const seed = options.seed === undefined ? nextSeed() : requireInteger('denseNetwork', 'seed', options.seed, 0, 0xffffffff);
  const model = tf.sequential({ name: options.name ?? 'dense' });
  options.layers.forEach((units, i) => {
    const last = i === options.layers.length - 1;
    model.add(
      tf.layers.dense({
        units,
        activation: last ? (options.outputActivation ?? 'linear') : (options.activation ?? 'relu'),
        ...(i === 0 ? { inputShape: [inputs] } : {}),
        ...seededInitializers(deriveSeed(seed, i)),
      }),
    );
  });
  return model;
}
