import { tf } from '@sensorkit/ml';
import { ChannelNormalizer, type ChannelNormalizerJSON } from '../window/channel-normalizer.js';
import { toFixedLength } from '../window/fixed-length.js';

/** What a gesture model needs besides its weights to turn readings into a label. */
export interface GestureModelConfig {
  /** class names in output order */
  labels: string[];
  /** the class that means "no gesture", if the model has one */
  negativeLabel: string | undefined;
  /** Hz of the training data */
  sampleRate: number;
  /** 3 or 6 */
  channels: number;
  /** s of readings per window (the capture window of the trigger, the sliding window) */
  window: number;
  /** s of the window before the trigger point */
  preTrigger: number;
  /** the trigger threshold the model was trained for, g */
  threshold: number;
  /** time steps every window is resampled to */
  length: number;
  normalizer: ChannelNormalizerJSON;
}

/** One window's verdict. */
export interface GesturePrediction {
  label: string;
  /** probability of `label` */
  score: number;
  probabilities: Float32Array;
}

/**
 * A trained gesture classifier with its preprocessing: windows of any length are resampled to `length`
 * steps and normalised per channel exactly as in training, then the network gives class probabilities.
 * @example
 * const { model } = await loadGestureModel('models/gesture');
 * model.classify(capture.samples); // { label: 'punch', score: 0.98, probabilities }
 */
export class GestureModel {
  readonly normalizer: ChannelNormalizer;

  constructor(
    readonly network: tf.LayersModel,
    readonly config: GestureModelConfig,
  ) {
    this.normalizer = ChannelNormalizer.fromJSON(config.normalizer);
  }

  /** The network's input for one window of readings (interleaved, `channels` per frame). */
  prepare(samples: Float32Array): Float32Array {
    return this.normalizer.apply(toFixedLength(samples, this.config.channels, this.config.length));
  }

  /** Class probabilities of prepared windows, one Float32Array per window. */
  probabilities(prepared: readonly Float32Array[]): Float32Array[] {
    if (prepared.length === 0) return [];
    const { length, channels, labels } = this.config;
    const batch = new Float32Array(prepared.length * length * channels);
    prepared.forEach((p, i) => batch.set(p, i * length * channels));
    const out = tf.tidy(() => this.network.predict(tf.tensor3d(batch, [prepared.length, length, channels])) as tf.Tensor);
    const flat = out.dataSync() as Float32Array;
    out.dispose();
    return prepared.map((_, i) => flat.slice(i * labels.length, (i + 1) * labels.length));
  }

  /** The most probable class of each window of readings. */
  classifyMany(windows: readonly Float32Array[]): GesturePrediction[] {
    return this.probabilities(windows.map((w) => this.prepare(w))).map((p) => this.verdict(p));
  }

  classify(window: Float32Array): GesturePrediction {
    return this.classifyMany([window])[0]!;
  }

  /** The label and score of a probability vector. */
  verdict(probabilities: Float32Array): GesturePrediction {
    let best = 0;
    for (let k = 1; k < probabilities.length; k++) if (probabilities[k]! > probabilities[best]!) best = k;
    return { label: this.config.labels[best]!, score: probabilities[best]!, probabilities };
  }
}
