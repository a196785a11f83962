import { createRandom, InputError, ParameterError, rejectUnknownOptions, requireInRange, requireInteger } from '@sensorkit/dsp';
import { currentBackend, seededPermutation, tf, trainModel, type TrainResult } from '@sensorkit/ml';
import type { GestureData, LabelledSegment } from '../data/load-gesture-data.js';
import { augmentWindow, type AugmentOptions } from '../window/augment.js';
import { ChannelNormalizer } from '../window/channel-normalizer.js';
import { toFixedLength } from '../window/fixed-length.js';
import { GestureModel, type GestureModelConfig } from './gesture-model.js';
import { gestureNetwork } from './network.js';
import { medianDuration, segmentWindows } from './training-windows.js';

export interface TrainGestureOptions {
  /** time steps per window (default 64) */
  length?: number;
  /** s per window (default: the median length of the data's segments) */
  window?: number;
  /** s of the window before the trigger point, as the data was captured (default 0.25; Arduino captures: 0) */
  preTrigger?: number;
  /** trigger threshold to run the model with, g (default 0.3) */
  threshold?: number;
  /** the "no gesture" class (default 'idle' when the data has it) */
  negativeLabel?: string;
  epochs?: number;
  batchSize?: number;
  /** augmented copies per training window (default 4; 0: none) */
  augment?: number;
  augmentOptions?: AugmentOptions;
  /**
   * fraction held out for early stopping; 0 trains every epoch on everything. Default 0.15 from 200
   * windows up, else 0: early stopping on a handful of held-out windows follows noise (on the 26 real
   * Arduino captures it cost a fold 20 %), while all the windows, augmented, teach the model more.
   */
  validation?: number;
  seed?: number;
  progress?: NodeJS.WritableStream | false;
}

export interface TrainedGestureModel {
  model: GestureModel;
  result: TrainResult;
  /** training windows (before augmentation) */
  windows: number;
  options: Required<Omit<TrainGestureOptions, 'progress' | 'augmentOptions' | 'negativeLabel'>> & { negativeLabel: string | undefined };
}

const BLOCK = 'gesture-train';
const KNOWN = ['length', 'window', 'preTrigger', 'threshold', 'negativeLabel', 'epochs', 'batchSize', 'augment', 'augmentOptions', 'validation', 'seed', 'progress'];

/**
 * Trains a gesture classifier on labelled segments: windows resampled to `length` steps, per-channel
 * normalisation learned from the training windows (and saved with the model), `augment` augmented copies
 * of each window (time warp, rotation, gain, noise), then the 1-D CNN with Adam and early stopping.
 * @example
 * const data = await loadGestureData(['datasets/gestures']);
 * const { model } = await trainGestureModel(data, data.segments, { epochs: 30 });
 */
export async function trainGestureModel(data: GestureData, segments: readonly LabelledSegment[], options: TrainGestureOptions = {}): Promise<TrainedGestureModel> {
  rejectUnknownOptions(BLOCK, options, KNOWN);
  const length = requireInteger(BLOCK, 'length', options.length ?? 64, 8, 4096);
  const window = options.window ?? medianDuration(segments, data.channels, data.sampleRate);
  requireInRange(BLOCK, 'window', window, 0, 60, { minExclusive: true });
  const preTrigger = requireInRange(BLOCK, 'preTrigger', options.preTrigger ?? 0.25, 0, window, { maxExclusive: true });
  const threshold = requireInRange(BLOCK, 'threshold', options.threshold ?? 0.3, 0, 16, { minExclusive: true });
  const epochs = requireInteger(BLOCK, 'epochs', options.epochs ?? 40, 1, 100000);
  const batchSize = requireInteger(BLOCK, 'batchSize', options.batchSize ?? 32, 1, 65536);
  const augment = requireInteger(BLOCK, 'augment', options.augment ?? 4, 0, 1000);
  const seed = requireInteger(BLOCK, 'seed', options.seed ?? 1, 0, 0xffffffff);
  const labels = [...new Set(segments.map((s) => s.label))].sort();
  if (labels.length < 2) throw new InputError(BLOCK, `the training data has ${labels.length} label(s) (${labels.join(', ')}); expected at least 2 classes`);
  const negativeLabel = options.negativeLabel ?? (labels.includes('idle') ? 'idle' : undefined);
  if (negativeLabel !== undefined && !labels.includes(negativeLabel)) throw new ParameterError(BLOCK, 'negativeLabel', negativeLabel, `one of the data's labels (${labels.join(', ')})`);
  const { channels, sampleRate } = data;
  const windowFrames = Math.round(window * sampleRate);

  const random = createRandom(seed);
  const raw: { samples: Float32Array; label: number }[] = [];
  for (const s of segments) for (const w of segmentWindows(s, channels, windowFrames)) raw.push({ samples: w, label: labels.indexOf(s.label) });
  const validation = requireInRange(BLOCK, 'validation', options.validation ?? (raw.length >= 200 ? 0.15 : 0), 0, 0.5);
  // Shuffle before the split, so the validation tail holds every class; copies of a window stay on its side.
  const order = seededPermutation(raw.length, random);
  const shuffled = Array.from(order, (i) => raw[i]!);
  const held = validation > 0 ? Math.max(1, Math.round(shuffled.length * validation)) : 0;
  if (held >= shuffled.length) throw new InputError(BLOCK, `${shuffled.length} windows are too few to hold ${Math.round(validation * 100)}% out for validation`);
  const trainPart = shuffled.slice(0, shuffled.length - held);
  const validPart = shuffled.slice(shuffled.length - held);

  const fixed = (w: { samples: Float32Array }): Float32Array => toFixedLength(w.samples, channels, length);
  const trainX: Float32Array[] = [];
  const trainY: number[] = [];
  for (const w of trainPart) {
    trainX.push(fixed(w));
    trainY.push(w.label);
    for (let k = 0; k < augment; k++) {
      trainX.push(augmentWindow(w.samples, channels, length, random, options.augmentOptions));
      trainY.push(w.label);
    }
  }
  const normalizer = ChannelNormalizer.fit(trainX, channels);
  trainX.forEach((x) => normalizer.apply(x));
  const validX = validPart.map((w) => normalizer.apply(fixed(w)));

  const config: GestureModelConfig = { labels, negativeLabel, sampleRate, channels, window, preTrigger, threshold, length, normalizer: normalizer.toJSON() };
  const network = gestureNetwork({ length, channels, classes: labels.length, seed });
  network.compile({ optimizer: tf.train.adam(3e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const toTensors = (xs: Float32Array[], ys: number[]): { x: tf.Tensor; y: tf.Tensor } => {
    const flat = new Float32Array(xs.length * length * channels);
    xs.forEach((x, i) => flat.set(x, i * length * channels));
    return { x: tf.tensor3d(flat, [xs.length, length, channels]), y: tf.tidy(() => tf.oneHot(tf.tensor1d(ys, 'int32'), labels.length)) };
  };
  const train = toTensors(trainX, trainY);
  const valid = held > 0 ? toTensors(validX, validPart.map((w) => w.label)) : undefined;
  try {
    const result = await trainModel(network, { ...train, ...(valid ? { validation: valid } : {}) }, {
      epochs,
      batchSize,
      seed: seed + 1,
      ...(valid ? { earlyStopping: { patience: 8, monitor: 'val_loss' as const } } : {}),
      progress: options.progress ?? process.stderr,
      label: `gesture (${currentBackend()?.backend ?? 'tf'})`,
    });
    return {
      model: new GestureModel(network, config),
      result,
      windows: raw.length,
      options: { length, window, preTrigger, threshold, negativeLabel, epochs, batchSize, augment, validation, seed },
    };
  } finally {
    for (const t of [train.x, train.y, valid?.x, valid?.y]) t?.dispose();
  }
}
