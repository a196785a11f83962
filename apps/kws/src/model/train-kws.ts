import { InputError, ParameterError, requireInteger, requirePositive } from '@sensorkit/dsp';
import { deriveSeed, fingerprintData, tf, trainModel, type TrainResult } from '@sensorkit/ml';
import type { KeywordDataset } from '../data/read-dataset.js';
import { createKwsFrontEnd } from '../features/front-end.js';
import { applyNormalizer, fitNormalizer } from '../features/normalizer.js';
import type { ListenOptions } from '../listen/posterior-smoother.js';
import { augmentWindows } from './augment-features.js';
import { balancedClassWeights, clipFeatures } from './dataset-features.js';
import type { KwsModel } from './kws-model.js';
import { kwsNetwork, type KwsNetworkOptions } from './network.js';

export interface TrainKwsOptions {
  /** feature preset (default 'mlperf-kws') */
  preset?: string;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** early-stopping patience in epochs on validation loss (default 5) */
  patience?: number;
  seed?: number;
  /** network shape (channels, blocks, kernels) */
  network?: Omit<KwsNetworkOptions, 'frames' | 'width' | 'classes' | 'seed'>;
  /** SpecAugment-style copies of each training window (default 0) */
  augment?: number;
  /** weight the loss so every class counts equally (default true) */
  classWeights?: boolean;
  listen?: ListenOptions;
  /** progress line destination (default stderr; false for none) */
  progress?: NodeJS.WritableStream | false;
}

export interface TrainedKws {
  kws: KwsModel;
  result: TrainResult;
  /** clips per split used */
  clips: { train: number; validation: number };
  /** the training configuration, as saved in the model folder */
  config: Record<string, unknown>;
  fingerprint: string;
}

/**
 * Trains a keyword model on the train split of a `kws generate` dataset, validating (and early stopping)
 * on its validation voices; the test voices are left for `evaluateKws`.
 * @example
 * const { kws, result } = await trainKws(await readKeywordDataset('datasets/generated/kws'), { epochs: 30, seed: 1 });
 */
export async function trainKws(data: KeywordDataset, options: TrainKwsOptions = {}): Promise<TrainedKws> {
  const fe = createKwsFrontEnd(options.preset ?? 'mlperf-kws');
  const epochs = requireInteger('kws train', 'epochs', options.epochs ?? 40, 1);
  const batchSize = requireInteger('kws train', 'batchSize', options.batchSize ?? 128, 1);
  const learningRate = requirePositive('kws train', 'learningRate', options.learningRate ?? 0.003);
  const patience = requireInteger('kws train', 'patience', options.patience ?? 5, 1);
  const seed = requireInteger('kws train', 'seed', options.seed ?? 1, 0, 0xffffffff);
  const trainClips = data.clips.filter((c) => c.split === 'train');
  const validationClips = data.clips.filter((c) => c.split === 'validation');
  if (trainClips.length === 0 || validationClips.length === 0) {
    throw new InputError('kws train', `${data.dir} has ${trainClips.length} train and ${validationClips.length} validation clips; both splits must be non-empty`);
  }
  const classes = data.labels.length;
  const augment = requireInteger('kws train', 'augment', options.augment ?? 0, 0, 16);
  const original = await clipFeatures(data, trainClips, fe);
  const validation = await clipFeatures(data, validationClips, fe);
  const fingerprint = fingerprintData([original.x, Float32Array.from(original.y), validation.x, Float32Array.from(validation.y)]);
  const normalizer = fitNormalizer(original.x, fe.width);
  applyNormalizer(normalizer, original.x);
  applyNormalizer(normalizer, validation.x);
  const train = augment === 0 ? original : (() => {
    const more = augmentWindows(original.x, original.y, fe.frames, fe.width, { copies: augment, seed: deriveSeed(seed, 7) });
    return { ...more, count: more.y.length };
  })();
  const model = kwsNetwork({ frames: fe.frames, width: fe.width, classes, seed, ...options.network });
  model.compile({ optimizer: tf.train.adam(learningRate), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const tensors = (f: typeof train): { x: tf.Tensor; y: tf.Tensor } => ({
    x: tf.tensor3d(f.x, [f.count, fe.frames, fe.width]),
    y: tf.oneHot(tf.tensor1d(f.y, 'int32'), classes).toFloat(),
  });
  const t = tensors(train);
  const v = tensors(validation);
  const classWeight = options.classWeights === false ? undefined : balancedClassWeights(train.y, classes);
  if (classWeight && Object.values(classWeight).some((w) => !Number.isFinite(w))) throw new ParameterError('kws train', 'classWeights', classWeight, 'finite weights');
  let result: TrainResult;
  try {
    result = await trainModel(model, { x: t.x, y: t.y, validation: v }, {
      epochs, batchSize, seed, earlyStopping: { patience }, label: 'kws train',
      ...(classWeight ? { classWeight } : {}),
      ...(options.progress === undefined ? {} : { progress: options.progress }),
    });
  } finally {
    [t.x, t.y, v.x, v.y].forEach((x) => x.dispose());
  }
  const config = {
    preset: fe.preset, epochs, batchSize, augment, learningRate, patience, seed, classWeights: classWeight !== undefined,
    network: { channels: 64, blocks: 4, stemKernel: 3, kernel: 9, stridedBlocks: 2, dropout: 0.2, ...options.network },
    parameters: model.countParams(),
    epochsRun: result.epochs, bestEpoch: result.bestEpoch, seconds: Math.round(result.seconds),
  };
  return {
    kws: { model, frontEnd: fe, normalizer, labels: data.labels, listen: options.listen ?? {} },
    result, clips: { train: original.count, validation: validation.count }, config, fingerprint,
  };
}
