import { InputError } from '@sensorkit/dsp';

/** Per-channel mean and standard deviation over every reading of the training windows, saved with the model. */
export interface ChannelNormalizerJSON {
  mean: number[];
  std: number[];
}

/**
 * z-scores each channel with statistics of the training windows, so accelerations (g, ~1) and angular
 * rates (deg/s, ~100s) reach the network on the same scale. One mean and std per channel (not per time
 * step), so a gesture shifted in time normalises the same way.
 */
export class ChannelNormalizer {
  private constructor(
    readonly mean: Float64Array,
    readonly std: Float64Array,
  ) {}

  /** Learns from interleaved windows of `channels` channels. */
  static fit(windows: readonly Float32Array[], channels: number): ChannelNormalizer {
    const mean = new Float64Array(channels);
    const square = new Float64Array(channels);
    let n = 0;
    for (const w of windows) {
      for (let i = 0; i < w.length; i++) {
        const c = i % channels;
        mean[c] += w[i]!;
        square[c] += w[i]! * w[i]!;
      }
      n += w.length / channels;
    }
    if (n === 0) throw new InputError('ChannelNormalizer', 'no readings to learn the normalisation from');
    const std = new Float64Array(channels);
    for (let c = 0; c < channels; c++) {
      mean[c] /= n;
      // A channel that never moves (a dead axis) keeps a unit scale instead of dividing by zero.
      const variance = square[c]! / n - mean[c]! * mean[c]!;
      std[c] = variance > 1e-12 ? Math.sqrt(variance) : 1;
    }
    return new ChannelNormalizer(mean, std);
  }

  static fromJSON(json: ChannelNormalizerJSON): ChannelNormalizer {
    if (!Array.isArray(json.mean) || !Array.isArray(json.std) || json.mean.length !== json.std.length || json.std.some((s) => !(s > 0))) {
      throw new InputError('ChannelNormalizer', `normalisation ${JSON.stringify(json)}; expected equal-length mean and std arrays, std > 0`);
    }
    return new ChannelNormalizer(Float64Array.from(json.mean), Float64Array.from(json.std));
  }

  get channels(): number {
    return this.mean.length;
  }

  /** Normalises an interleaved window in place and returns it. */
  apply(window: Float32Array): Float32Array {
    const channels = this.mean.length;
    for (let i = 0; i < window.length; i++) {
      const c = i % channels;
      window[i] = (window[i]! - this.mean[c]!) / this.std[c]!;
    }
    return window;
  }

  toJSON(): ChannelNormalizerJSON {
    return { mean: Array.from(this.mean), std: Array.from(this.std) };
  }
}
