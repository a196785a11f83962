import * as tf from '@tensorflow/tfjs';
import { InputError } from '@sensorkit/dsp';
import { planAxis, type Padding } from '../layers/unfold.js';
import { isLinearOp, type FloatGraph, type FloatOp, type FusedActivation, type Shape3, type Window2d } from './float-graph.js';
import { foldBatchNorm, type BatchNormParams } from './fold-batch-norm.js';

const BLOCK = 'quantize';

/** The layer classes readFloatGraph understands (TF.js class names). */
export const SUPPORTED_LAYERS = [
  'InputLayer', 'Dense', 'UnfoldConv1D', 'UnfoldConv2D', 'UnfoldDepthwiseConv2D', 'Conv1D', 'Conv2D', 'DepthwiseConv2D',
  'BatchNormalization', 'ReLU', 'Activation', 'Softmax', 'Flatten', 'Reshape', 'Dropout',
  'MaxPooling1D', 'MaxPooling2D', 'AveragePooling1D', 'AveragePooling2D',
  'GlobalAveragePooling1D', 'GlobalAveragePooling2D', 'GlobalMaxPooling1D', 'GlobalMaxPooling2D',
] as const;

/**
 * Reads a chain-shaped TF.js model (a Sequential, or a functional model without branches) into the float
 * graph the quantizer works on: batch norm folded, activations fused, shape-only layers dropped.
 * Refuses, naming the layer, anything the int8 runtime has no kernel for.
 * @example
 * const graph = readFloatGraph(model);
 * graph.ops.map((op) => op.op); // ['dense', 'dense', 'dense']
 */
export function readFloatGraph(model: tf.LayersModel): FloatGraph {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new InputError(BLOCK, `the model has ${model.inputs.length} inputs and ${model.outputs.length} outputs; expected one of each`);
  }
  const inputShape = toShape3(model.inputs[0]!.shape, 'model input');
  const ops: FloatOp[] = [];
  let shape = inputShape;
  for (const layer of model.layers) {
    const kind = layer.getClassName();
    const config = layer.getConfig() as Record<string, unknown>;
    const outShape = (): Shape3 => toShape3(layer.outputShape as (number | null)[], layer.name);
    const last = ops[ops.length - 1];
    switch (kind) {
      case 'InputLayer':
      case 'Dropout':
        break;
      case 'Flatten':
      case 'Reshape':
        shape = outShape();
        break;
      case 'Dense': {
        const [kernel, bias] = [weight(layer, 'kernel'), optionalWeight(layer, 'bias')];
        const [inputs, units] = kernel.shape as [number, number];
        const activation = String(config.activation ?? 'linear');
        const transposed = transpose2d(kernel.dataSync() as Float32Array, inputs, units);
        const out: Shape3 = [shape[0], shape[1], units];
        const biasValues = bias ? Float32Array.from(bias.dataSync()) : new Float32Array(units);
        if (shape[0] * shape[1] === 1) {
          ops.push({ op: 'dense', inShape: shape, outShape: out, weights: transposed, bias: biasValues, activation: fusedOf(layer.name, activation), layers: [layer.name] });
        } else {
          // Dense on a rank > 1 input applies to the last axis: a 1x1 convolution.
          ops.push({ op: 'conv2d', inShape: shape, outShape: out, weights: transposed, bias: biasValues, activation: fusedOf(layer.name, activation), kernel: [1, 1], strides: [1, 1], padding: [0, 0], layers: [layer.name] });
        }
        if (activation === 'softmax') ops.push({ op: 'softmax', inShape: out, outShape: out, layers: [layer.name] });
        shape = out;
        break;
      }
      case 'UnfoldConv1D':
      case 'UnfoldConv2D':
      case 'Conv1D':
      case 'Conv2D': {
        const kernel = weight(layer, 'kernel');
        const bias = optionalWeight(layer, 'bias');
        const dims = kind.endsWith('1D') ? 1 : 2;
        const [kh, kw, cin, cout] = dims === 1 ? [1, ...(kernel.shape as [number, number, number])] : (kernel.shape as [number, number, number, number]);
        const out = outShape();
        const window = convWindow(layer.name, config, dims, shape, [kh, kw]);
        // TF.js [kh, kw, in, out] -> [out][kh][kw][in]
        const weights = transpose2d(kernel.dataSync() as Float32Array, kh * kw * cin, cout);
        ops.push({ op: 'conv2d', inShape: shape, outShape: out, weights, bias: bias ? Float32Array.from(bias.dataSync()) : new Float32Array(cout), activation: fusedOf(layer.name, String(config.activation ?? 'linear')), ...window, layers: [layer.name] });
        shape = out;
        break;
      }
      case 'UnfoldDepthwiseConv2D':
      case 'DepthwiseConv2D': {
        const kernel = weight(layer, kind === 'DepthwiseConv2D' ? 'depthwise_kernel' : 'kernel');
        const bias = optionalWeight(layer, 'bias');
        const [kh, kw, channels, multiplier] = kernel.shape as [number, number, number, number];
        if (multiplier !== 1) throw new InputError(BLOCK, `layer ${layer.name}: depth multiplier ${multiplier}; the int8 runtime supports 1`);
        const window = convWindow(layer.name, config, 2, shape, [kh, kw]);
        ops.push({ op: 'depthwise_conv2d', inShape: shape, outShape: outShape(), weights: Float32Array.from(kernel.dataSync()), bias: bias ? Float32Array.from(bias.dataSync()) : new Float32Array(channels), activation: fusedOf(layer.name, String(config.activation ?? 'linear')), ...window, layers: [layer.name] });
        shape = outShape();
        break;
      }
      case 'BatchNormalization': {
        if (!isLinearOp(last) || last.activation !== 'none') {
          throw new InputError(BLOCK, `layer ${layer.name}: batch norm must directly follow a convolution or dense layer without activation, to be folded into it`);
        }
        foldBatchNorm(last, batchNormOf(layer, config));
        last.layers.push(layer.name);
        break;
      }
      case 'ReLU':
      case 'Activation':
      case 'Softmax': {
        const activation = kind === 'ReLU' ? (config.maxValue == null ? 'relu' : config.maxValue === 6 ? 'relu6' : `relu(max ${String(config.maxValue)})`) : kind === 'Softmax' ? 'softmax' : String(config.activation);
        if (activation === 'linear') break;
        if (activation === 'softmax') {
          ops.push({ op: 'softmax', inShape: shape, outShape: shape, layers: [layer.name] });
          break;
        }
        const fused = fusedOf(layer.name, activation);
        if (!isLinearOp(last)) {
          throw new InputError(BLOCK, `layer ${layer.name}: ${activation} must follow a convolution or dense layer (it is fused into it as a clamp)`);
        }
        last.activation = combine(last.activation, fused);
        last.layers.push(layer.name);
        break;
      }
      default: {
        const pool = /^(Global)?(Max|Average)Pooling([12])D$/.exec(kind);
        if (!pool) throw new InputError(BLOCK, `layer ${layer.name} (${kind}) has no int8 kernel; supported: ${SUPPORTED_LAYERS.join(', ')}`);
        const op = pool[2] === 'Max' ? 'max_pool2d' : 'avg_pool2d';
        const out = outShape();
        const window: Window2d = pool[1]
          ? { kernel: [shape[0], shape[1]], strides: [1, 1], padding: [0, 0] }
          : poolWindow(layer.name, config, pool[3] === '1' ? 1 : 2, shape);
        ops.push({ op, inShape: shape, outShape: out, ...window, layers: [layer.name] });
        shape = out;
      }
    }
  }
  if (ops.length === 0) throw new InputError(BLOCK, 'the model has no layer with arithmetic to quantize');
  return { inputShape, ops };
}

function toShape3(shape: readonly (number | null)[], what: string): Shape3 {
  const dims = shape.slice(1);
  if (dims.some((d) => typeof d !== 'number') || dims.length < 1 || dims.length > 3) {
    throw new InputError(BLOCK, `${what}: shape ${JSON.stringify(shape)}; expected [batch, n], [batch, steps, channels] or [batch, rows, columns, channels] with known sizes`);
  }
  const d = dims as number[];
  return d.length === 1 ? [1, 1, d[0]!] : d.length === 2 ? [1, d[0]!, d[1]!] : [d[0]!, d[1]!, d[2]!];
}

function fusedOf(layer: string, activation: string): FusedActivation {
  if (activation === 'linear' || activation === 'softmax') return 'none';
  if (activation === 'relu' || activation === 'relu6') return activation;
  throw new InputError(BLOCK, `layer ${layer}: activation ${JSON.stringify(activation)} has no int8 kernel; expected linear, relu, relu6 or softmax`);
}

function combine(a: FusedActivation, b: FusedActivation): FusedActivation {
  return a === 'relu6' || b === 'relu6' ? 'relu6' : a === 'relu' || b === 'relu' ? 'relu' : 'none';
}

function weight(layer: tf.layers.Layer, name: string): tf.Tensor {
  const found = optionalWeight(layer, name);
  if (!found) throw new InputError(BLOCK, `layer ${layer.name}: no "${name}" weight`);
  return found;
}

function optionalWeight(layer: tf.layers.Layer, name: string): tf.Tensor | undefined {
  const index = layer.weights.findIndex((w) => w.originalName.split('/').pop() === name || w.name.split('/').pop() === name);
  return index < 0 ? undefined : layer.getWeights()[index];
}

function batchNormOf(layer: tf.layers.Layer, config: Record<string, unknown>): BatchNormParams {
  const values = (name: string): Float32Array | undefined => {
    const w = optionalWeight(layer, name);
    return w ? Float32Array.from(w.dataSync()) : undefined;
  };
  const mean = values('moving_mean');
  const variance = values('moving_variance');
  if (!mean || !variance) throw new InputError(BLOCK, `layer ${layer.name}: batch norm without moving_mean / moving_variance`);
  const axis = config.axis;
  if (axis !== -1 && !(Array.isArray(axis) && axis.length === 1 && axis[0] === -1) && axis !== undefined) {
    const rank = layer.outputShape.length;
    if (axis !== rank - 1) throw new InputError(BLOCK, `layer ${layer.name}: batch norm over axis ${JSON.stringify(axis)}; only the channel (last) axis folds`);
  }
  return { gamma: values('gamma'), beta: values('beta'), mean, variance, epsilon: Number(config.epsilon ?? 1e-3) };
}

function pairOf(value: unknown, dims: 1 | 2, fallback?: [number, number]): [number, number] {
  if (value === undefined || value === null) {
    if (fallback) return fallback;
    throw new TypeError('missing size');
  }
  const list = (typeof value === 'number' ? Array(dims).fill(value) : value) as number[];
  return dims === 1 ? [1, list[0]!] : [list[0]!, list[1] ?? list[0]!];
}

function windowOf(layer: string, shape: Shape3, kernel: [number, number], strides: [number, number], padding: unknown): Window2d {
  if (padding !== 'same' && padding !== 'valid') throw new InputError(BLOCK, `layer ${layer}: padding ${JSON.stringify(padding)}; expected 'same' or 'valid'`);
  const rows = planAxis(shape[0], kernel[0], strides[0], padding as Padding);
  const cols = planAxis(shape[1], kernel[1], strides[1], padding as Padding);
  return { kernel, strides, padding: [rows.before, cols.before] };
}

function convWindow(layer: string, config: Record<string, unknown>, dims: 1 | 2, shape: Shape3, kernel: [number, number]): Window2d {
  const dilation = config.dilationRate;
  if (dilation !== undefined && [dilation].flat().some((d) => d !== 1)) throw new InputError(BLOCK, `layer ${layer}: dilation ${JSON.stringify(dilation)}; the int8 runtime supports 1`);
  if (config.dataFormat !== undefined && config.dataFormat !== 'channelsLast') throw new InputError(BLOCK, `layer ${layer}: data format ${String(config.dataFormat)}; expected channelsLast`);
  return windowOf(layer, shape, kernel, pairOf(config.strides ?? 1, dims), config.padding ?? 'valid');
}

function poolWindow(layer: string, config: Record<string, unknown>, dims: 1 | 2, shape: Shape3): Window2d {
  const kernel = pairOf(config.poolSize, dims);
  return windowOf(layer, shape, kernel, pairOf(config.strides, dims, kernel), config.padding ?? 'valid');
}

/** [rows][cols] -> [cols][rows] */
function transpose2d(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c]!;
  return out;
}
