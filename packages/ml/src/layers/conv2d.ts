import * as tf from '@tensorflow/tfjs';
import { requireInteger } from '@sensorkit/dsp';
import { channelsOf, convConfig, onlyInput, outputLength, resolveConv, type ResolvedConv, type UnfoldConvArgs } from './conv-args.js';
import { unfoldConv2d } from './unfold.js';

export interface UnfoldConv2DArgs extends UnfoldConvArgs {
  /** output channels */
  filters: number;
}

/**
 * A 2-D convolution layer over NHWC input that trains on the WASM backend: unfold (shifted slices) + matMul.
 * Weights: `kernel` [kh, kw, inChannels, filters] (tf.conv2d's layout) and `bias` [filters]; the output
 * equals tf.conv2d + bias (+ relu) to float rounding.
 * @example
 * model.add(new UnfoldConv2D({ filters: 64, kernelSize: [10, 4], strides: 2, padding: 'same', activation: 'relu', inputShape: [49, 10, 1] }));
 */
export class UnfoldConv2D extends tf.layers.Layer {
  static className = 'UnfoldConv2D';
  readonly filters: number;
  readonly options: ResolvedConv;
  private kernel?: tf.LayerVariable;
  private bias?: tf.LayerVariable;

  constructor(args: UnfoldConv2DArgs) {
    super(args);
    this.filters = requireInteger('UnfoldConv2D', 'filters', args.filters, 1);
    this.options = resolveConv('UnfoldConv2D', args, 2);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const channels = channelsOf('UnfoldConv2D', inputShape, 4);
    const [kh, kw] = this.options.kernelSize;
    this.kernel = this.addWeight('kernel', [kh, kw, channels, this.filters], 'float32', tf.initializers.glorotUniform({ seed: this.options.seed }));
    if (this.options.useBias) this.bias = this.addWeight('bias', [this.filters], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const { kernelSize, strides, padding } = this.options;
    return [
      shape[0] ?? null,
      outputLength('UnfoldConv2D', shape[1] ?? null, kernelSize[0], strides[0], padding),
      outputLength('UnfoldConv2D', shape[2] ?? null, kernelSize[1], strides[1], padding),
      this.filters,
    ];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() =>
      unfoldConv2d(onlyInput(inputs) as tf.Tensor4D, this.kernel?.read() as tf.Tensor4D, this.bias?.read() as tf.Tensor1D | undefined, {
        kernel: this.options.kernelSize,
        strides: this.options.strides,
        padding: this.options.padding,
        activation: this.options.activation,
      }),
    );
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), filters: this.filters, ...convConfig(this.options, 2) };
  }
}
tf.serialization.registerClass(UnfoldConv2D);
