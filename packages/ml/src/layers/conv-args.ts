import * as tf from '@tensorflow/tfjs';
import { ParameterError, requireBoolean, requireInteger, requireOneOf } from '@sensorkit/dsp';
import { nextSeed } from '../seed.js';
import { planAxis, type Padding } from './unfold.js';

/** The base Layer's options (name, inputShape, trainable, ...), as tf.layers.Layer takes them. */
export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

export type ConvActivation = 'linear' | 'relu';

/** Options shared by the unfold convolution layers; sizes are [rows, columns] or one number for both. */
export interface UnfoldConvArgs extends LayerArgs {
  kernelSize: number | readonly number[];
  /** step between output samples (default 1) */
  strides?: number | readonly number[];
  /** 'same' (TensorFlow's rule, output = ceil(input / stride)) or 'valid' (default 'valid', as Keras) */
  padding?: Padding;
  /** applied after the bias (default 'linear') */
  activation?: ConvActivation;
  /** per-channel bias (default true; false when a batch norm follows) */
  useBias?: boolean;
  /** Glorot-uniform kernel seed (default: the next seed after setSeed) */
  seed?: number;
}

/** Validated, resolved convolution options; also what getConfig saves. */
export interface ResolvedConv {
  kernelSize: [number, number];
  strides: [number, number];
  padding: Padding;
  activation: ConvActivation;
  useBias: boolean;
  seed: number;
}

const PADDINGS: readonly Padding[] = ['same', 'valid'];
const ACTIVATIONS: readonly ConvActivation[] = ['linear', 'relu'];

/** Checks the shared options of layer `layer`; `dims` is 1 for conv1d (the size is along time only). */
export function resolveConv(layer: string, args: UnfoldConvArgs, dims: 1 | 2): ResolvedConv {
  return {
    kernelSize: pair(layer, 'kernelSize', args.kernelSize, dims),
    strides: pair(layer, 'strides', args.strides ?? 1, dims),
    padding: requireOneOf(layer, 'padding', args.padding ?? 'valid', PADDINGS),
    activation: requireOneOf(layer, 'activation', args.activation ?? 'linear', ACTIVATIONS),
    useBias: requireBoolean(layer, 'useBias', args.useBias ?? true),
    seed: args.seed === undefined ? nextSeed() : requireInteger(layer, 'seed', args.seed, 0, 0xffffffff),
  };
}

function pair(layer: string, argument: string, value: unknown, dims: 1 | 2): [number, number] {
  const list = typeof value === 'number' ? Array(dims).fill(value) : value;
  if (!Array.isArray(list) || list.length !== dims) {
    throw new ParameterError(layer, argument, value, dims === 1 ? 'a positive integer' : 'a positive integer or [rows, columns]');
  }
  const sizes = list.map((v: unknown, i) => requireInteger(layer, dims === 1 ? argument : `${argument}[${i}]`, v, 1));
  return dims === 1 ? [1, sizes[0]] : [sizes[0], sizes[1]];
}

/** The input's last dimension, which a convolution needs to size its kernel. */
export function channelsOf(layer: string, inputShape: tf.Shape | tf.Shape[], rank: number): number {
  const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
  const channels = shape[shape.length - 1];
  if (shape.length !== rank || typeof channels !== 'number') {
    throw new ParameterError(layer, 'input shape', shape, `rank ${rank} with a known channel count (${rank === 3 ? '[batch, steps, channels]' : '[batch, rows, columns, channels]'})`);
  }
  return channels;
}

/** The single input tensor a layer is called with. */
export function onlyInput(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
  return Array.isArray(inputs) ? inputs[0] : inputs;
}

/** Keras-style config fields of the resolved options (1-D layers save plain numbers). */
export function convConfig(resolved: ResolvedConv, dims: 1 | 2): tf.serialization.ConfigDict {
  const size = (p: [number, number]): number | number[] => (dims === 1 ? p[1] : [...p]);
  return {
    kernelSize: size(resolved.kernelSize),
    strides: size(resolved.strides),
    padding: resolved.padding,
    activation: resolved.activation,
    useBias: resolved.useBias,
    seed: resolved.seed,
  };
}

/** Output length of one spatial axis (null stays null); refuses an input shorter than a 'valid' kernel. */
export function outputLength(layer: string, length: number | null, k: number, s: number, padding: Padding): number | null {
  if (length === null) return null;
  const { out } = planAxis(length, k, s, padding);
  if (out < 1) throw new ParameterError(layer, 'input shape', length, `at least ${k} samples along an axis with a ${k}-tap 'valid' kernel`);
  return out;
}
