import { tf, UnfoldConv1D, deriveSeed, seededInitializers } from '@sensorkit/ml';

export interface GestureNetworkOptions {
  /** time steps of the input window */
  length: number;
  /** IMU channels (3 or 6) */
  channels: number;
  classes: number;
  /** weight-initialisation seed */
  seed: number;
}

/**
 * The gesture classifier: three 1-D convolutions (16, 24, 32 filters; kernel 5, 5, 3), the first two with
 * stride 2 instead of pooling, then a 32-unit dense layer and a softmax. About 23 k weights for 64 x 6
 * input: 23 KB after int8 quantization, and only the operations microcontroller runtimes have (conv,
 * relu, fully connected). The convolutions are the kit's unfold + matMul layers, so training runs on the
 * WASM backend, whose own conv gradients are missing, in seconds per epoch.
 */
export function gestureNetwork(o: GestureNetworkOptions): tf.Sequential {
  const model = tf.sequential({ name: 'gesture-cnn' });
  model.add(new UnfoldConv1D({ filters: 16, kernelSize: 5, strides: 2, padding: 'same', activation: 'relu', inputShape: [o.length, o.channels], seed: deriveSeed(o.seed, 0) }));
  model.add(new UnfoldConv1D({ filters: 24, kernelSize: 5, strides: 2, padding: 'same', activation: 'relu', seed: deriveSeed(o.seed, 1) }));
  model.add(new UnfoldConv1D({ filters: 32, kernelSize: 3, padding: 'same', activation: 'relu', seed: deriveSeed(o.seed, 2) }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dropout({ rate: 0.25, seed: deriveSeed(o.seed, 3) }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu', ...seededInitializers(deriveSeed(o.seed, 4)) }));
  model.add(tf.layers.dense({ units: o.classes, activation: 'softmax', ...seededInitializers(deriveSeed(o.seed, 5)) }));
  return model;
}
