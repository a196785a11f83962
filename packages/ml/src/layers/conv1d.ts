import * as tf from '@tensorflow/tfjs';
import { requireInteger } from '@sensorkit/dsp';
import { channelsOf, convConfig, onlyInput, outputLength, resolveConv, type ResolvedConv, type UnfoldConvArgs } from './conv-args.js';
import { unfoldConv2d } from './unfold.js';

export interface UnfoldConv1DArgs extends UnfoldConvArgs {
  /** output channels */
  filters: number;
  /** taps along time */
  kernelSize: number;
  strides?: number;
}

/**
 * A 1-D convolution layer over [batch, steps, channels] input that trains on the WASM backend: the 2-D
 * unfold convolution on a one-row image. Weights: `kernel` [k, inChannels, filters] (tf.conv1d's layout)
 * and `bias` [filters]; the output equals tf.conv1d + bias (+ relu) to float rounding.
 * @example
 * model.add(new UnfoldConv1D({ filters: 16, kernelSize: 5, padding: 'same', activation: 'relu', inputShape: [49, 10] }));
 */
export class UnfoldConv1D extends tf.layers.Layer {
  static className = 'UnfoldConv1D';
  readonly filters: number;
  readonly options: ResolvedConv;
  private kernel?: tf.LayerVariable;
  private bias?: tf.LayerVariable;

  constructor(args: UnfoldConv1DArgs) {
    super(args);
    this.filters = requireInteger('UnfoldConv1D', 'filters', args.filters, 1);
    this.options = resolveConv('UnfoldConv1D', args, 1);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const channels = channelsOf('UnfoldConv1D', inputShape, 3);
    const k = this.options.kernelSize[1];
    this.kernel = this.addWeight('kernel', [k, channels, this.filters], 'float32', tf.initializers.glorotUniform({ seed: this.options.seed }));
    if (this.options.useBias) this.bias = this.addWeight('bias', [this.filters], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const { kernelSize, strides, padding } = this.options;
    return [shape[0] ?? null, outputLength('UnfoldConv1D', shape[1] ?? null, kernelSize[1], strides[1], padding), this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = onlyInput(inputs) as tf.Tensor3D;
      const [batch, steps, channels] = x.shape;
      const kernel = this.kernel?.read() as tf.Tensor3D;
      const y = unfoldConv2d(tf.reshape(x, [batch, 1, steps, channels]), tf.expandDims(kernel, 0), this.bias?.read() as tf.Tensor1D | undefined, {
        kernel: this.options.kernelSize,
        strides: this.options.strides,
        padding: this.options.padding,
        activation: this.options.activation,
      });
      return tf.squeeze(y, [1]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), filters: this.filters, ...convConfig(this.options, 1) };
  }
}
tf.serialization.registerClass(UnfoldConv1D);
