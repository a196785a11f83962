import * as tf from '@tensorflow/tfjs';
import { channelsOf, convConfig, onlyInput, outputLength, resolveConv, type ResolvedConv, type UnfoldConvArgs } from './conv-args.js';
import { unfoldDepthwiseConv2d } from './unfold.js';

/**
 * A depthwise 2-D convolution layer (one filter per channel) over NHWC input that trains on the WASM
 * backend: each shifted slice times its per-channel weights, summed. Weights: `kernel` [kh, kw, channels, 1]
 * (tf.depthwiseConv2d's layout, channel multiplier 1) and `bias` [channels]; the output equals
 * tf.depthwiseConv2d + bias (+ relu) to float rounding.
 * @example
 * model.add(new UnfoldDepthwiseConv2D({ kernelSize: 3, padding: 'same' }));
 */
export class UnfoldDepthwiseConv2D extends tf.layers.Layer {
  static className = 'UnfoldDepthwiseConv2D';
  readonly options: ResolvedConv;
  private kernel?: tf.LayerVariable;
  private bias?: tf.LayerVariable;

  constructor(args: UnfoldConvArgs) {
    super(args);
    this.options = resolveConv('UnfoldDepthwiseConv2D', args, 2);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const channels = channelsOf('UnfoldDepthwiseConv2D', inputShape, 4);
    const [kh, kw] = this.options.kernelSize;
    this.kernel = this.addWeight('kernel', [kh, kw, channels, 1], 'float32', tf.initializers.glorotUniform({ seed: this.options.seed }));
    if (this.options.useBias) this.bias = this.addWeight('bias', [channels], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const { kernelSize, strides, padding } = this.options;
    return [
      shape[0] ?? null,
      outputLength('UnfoldDepthwiseConv2D', shape[1] ?? null, kernelSize[0], strides[0], padding),
      outputLength('UnfoldDepthwiseConv2D', shape[2] ?? null, kernelSize[1], strides[1], padding),
      shape[3] ?? null,
    ];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() =>
      unfoldDepthwiseConv2d(onlyInput(inputs) as tf.Tensor4D, this.kernel?.read() as tf.Tensor4D, this.bias?.read() as tf.Tensor1D | undefined, {
        kernel: this.options.kernelSize,
        strides: this.options.strides,
        padding: this.options.padding,
        activation: this.options.activation,
      }),
    );
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...convConfig(this.options, 2) };
  }
}
tf.serialization.registerClass(UnfoldDepthwiseConv2D);
