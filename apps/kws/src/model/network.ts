import { requireInteger } from '@sensorkit/dsp';
import { deriveSeed, nextSeed, separableBlock, seededInitializers, tf, UnfoldConv2D } from '@sensorkit/ml';

// Batch-norm statistics follow the data within a few dozen steps (Keras' 0.99 needs hundreds: small sets never get there).
const BN_MOMENTUM = 0.9;

export interface KwsNetworkOptions {
  /** frames per window (49) */
  frames: number;
  /** features per frame (10 MFCC or 40 log-mel) */
  width: number;
  classes: number;
  /** channels of every convolution (default 64, as DS-CNN-S) */
  channels?: number;
  /** depthwise-separable blocks (default 4) */
  blocks?: number;
  /** taps along time of the stem (default 3, stride 2) and of each depthwise conv (default 9) */
  stemKernel?: number;
  kernel?: number;
  /** leading blocks whose depthwise conv has stride 2 along time (default 2: 49 frames -> 25 -> 13 -> 7) */
  stridedBlocks?: number;
  /** fraction of the pooled features dropped while training (default 0.2) */
  dropout?: number;
  seed?: number;
}

/**
 * The keyword network: a DS-CNN (MLPerf Tiny's depthwise-separable CNN, 64 channels, 4 blocks, batch norm,
 * global average pooling, softmax) with its convolutions along time, the frame's features as input
 * channels (time-channel separable, as TC-ResNet and MatchboxNet do). A 2-D DS-CNN over the 49x10 image
 * computes on 125 positions per layer and trained 8x slower here (24 s vs 3 s per 256 clips on WASM);
 * along time the stride-2 stem leaves 25 positions, and two stride-2 blocks 13 and 7 (1.8x faster again to
 * train than 25 throughout: 5.3 s vs 9.5 s per 512 clips). Defaults: 21,964 weights once batch norm is folded
 * (MLPerf's DS-CNN-S has 22,604), 22 KB in int8.
 * @example
 * const model = kwsNetwork({ frames: 49, width: 10, classes: 12, seed: 1 });
 */
export function kwsNetwork(options: KwsNetworkOptions): tf.Sequential {
  const frames = requireInteger('kwsNetwork', 'frames', options.frames, 1);
  const width = requireInteger('kwsNetwork', 'width', options.width, 1);
  const classes = requireInteger('kwsNetwork', 'classes', options.classes, 2);
  const channels = requireInteger('kwsNetwork', 'channels', options.channels ?? 64, 1);
  const blocks = requireInteger('kwsNetwork', 'blocks', options.blocks ?? 4, 0);
  const stemKernel = requireInteger('kwsNetwork', 'stemKernel', options.stemKernel ?? 3, 1);
  const kernel = requireInteger('kwsNetwork', 'kernel', options.kernel ?? 9, 1);
  const stridedBlocks = requireInteger('kwsNetwork', 'stridedBlocks', options.stridedBlocks ?? 2, 0, blocks);
  const seed = options.seed ?? nextSeed();
  const model = tf.sequential({ name: 'kws_dscnn' });
  // [frames, width] -> one row of `frames` pixels with `width` channels.
  model.add(tf.layers.reshape({ targetShape: [1, frames, width], inputShape: [frames, width], name: 'to_row' }));
  model.add(new UnfoldConv2D({ filters: channels, kernelSize: [1, stemKernel], strides: [1, 2], padding: 'same', useBias: false, seed: deriveSeed(seed, 0), name: 'stem' }));
  model.add(tf.layers.batchNormalization({ momentum: BN_MOMENTUM, name: 'stem_bn' }));
  model.add(tf.layers.reLU({ name: 'stem_relu' }));
  for (let b = 0; b < blocks; b++) {
    for (const layer of separableBlock({ filters: channels, kernelSize: [1, kernel], strides: [1, b < stridedBlocks ? 2 : 1], momentum: BN_MOMENTUM, seed: deriveSeed(seed, b + 1), name: `ds${b + 1}` })) model.add(layer);
  }
  model.add(tf.layers.globalAveragePooling2d({ name: 'pool' }));
  model.add(tf.layers.dropout({ rate: options.dropout ?? 0.2, seed: deriveSeed(seed, 98), name: 'dropout' }));
  model.add(tf.layers.dense({ units: classes, activation: 'softmax', name: 'classes', ...seededInitializers(deriveSeed(seed, 99)) }));
  return model;
}
