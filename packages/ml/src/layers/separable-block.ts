import * as tf from '@tensorflow/tfjs';
import { requireBoolean, requireInRange, requireInteger } from '@sensorkit/dsp';
import { deriveSeed, nextSeed } from '../seed.js';
import { UnfoldConv2D } from './conv2d.js';
import { UnfoldDepthwiseConv2D } from './depthwise-conv2d.js';
import type { Padding } from './unfold.js';

export interface SeparableBlockOptions {
  /** output channels of the pointwise (1x1) convolution */
  filters: number;
  /** depthwise kernel, [rows, columns] or one number (default 3) */
  kernelSize?: number | [number, number];
  /** depthwise stride (default 1) */
  strides?: number | [number, number];
  /** depthwise padding (default 'same') */
  padding?: Padding;
  /** batch norm after each convolution, as MobileNet and DS-CNN have (default true) */
  batchNorm?: boolean;
  /** moving-average momentum of the batch-norm statistics (default 0.99, as Keras; lower for short runs) */
  momentum?: number;
  /** seed for both kernels (default: the next seed after setSeed) */
  seed?: number;
  /** prefix of the layer names, e.g. 'ds1' */
  name?: string;
  /** the model's input shape, when the block is the first thing in a Sequential */
  inputShape?: number[];
}

/**
 * The depthwise-separable block of MobileNet and DS-CNN as a list of layers to add in order:
 * depthwise conv -> [batch norm] -> relu -> pointwise 1x1 conv -> [batch norm] -> relu. With batch norm
 * the convolutions carry no bias (the norm's beta is the bias; folded into the kernel at export).
 * @example
 * for (const layer of separableBlock({ filters: 64, name: 'ds1' })) model.add(layer);
 */
export function separableBlock(options: SeparableBlockOptions): tf.layers.Layer[] {
  const filters = requireInteger('separableBlock', 'filters', options.filters, 1);
  const batchNorm = requireBoolean('separableBlock', 'batchNorm', options.batchNorm ?? true);
  const seed = options.seed === undefined ? nextSeed() : requireInteger('separableBlock', 'seed', options.seed, 0, 0xffffffff);
  const momentum = requireInRange('separableBlock', 'momentum', options.momentum ?? 0.99, 0, 1);
  const prefix = options.name ? `${options.name}_` : '';
  const named = (suffix: string): { name?: string } => (options.name ? { name: `${prefix}${suffix}` } : {});
  const activation = batchNorm ? 'linear' : 'relu';
  const layers: tf.layers.Layer[] = [
    new UnfoldDepthwiseConv2D({
      kernelSize: options.kernelSize ?? 3,
      strides: options.strides ?? 1,
      padding: options.padding ?? 'same',
      activation,
      useBias: !batchNorm,
      seed: deriveSeed(seed, 0),
      ...named('depthwise'),
      ...(options.inputShape ? { inputShape: options.inputShape } : {}),
    }),
  ];
  if (batchNorm) layers.push(tf.layers.batchNormalization({ momentum, ...named('depthwise_bn') }), tf.layers.reLU({ ...named('depthwise_relu') }));
  layers.push(new UnfoldConv2D({ filters, kernelSize: 1, activation, useBias: !batchNorm, seed: deriveSeed(seed, 1), ...named('pointwise') }));
  if (batchNorm) layers.push(tf.layers.batchNormalization({ momentum, ...named('pointwise_bn') }), tf.layers.reLU({ ...named('pointwise_relu') }));
  return layers;
}
