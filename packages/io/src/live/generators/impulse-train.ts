import { createRandom } from '@sensorkit/dsp';
import { deriveSeed } from './seed.js';
import type { SignalComponent } from './signal-component.js';

/**
 * Impulses of height `amplitude` at `rate` Hz: impulse k (k = 0, 1, ...) lands on sample
 * round(k * sampleRate / rate + jitter_k * sampleRate), with jitter_k uniform in [-jitter, jitter) from
 * createRandom seeded per impulse, so any window of the train is computed without its past. Impulses
 * jittered before sample 0 are dropped.
 */
export class ImpulseTrainComponent implements SignalComponent {
  private readonly period: number;
  private readonly jitterSamples: number;

  constructor(
    rate: number,
    private readonly amplitude: number,
    jitter: number,
    private readonly seed: number,
    sampleRate: number,
  ) {
    this.period = sampleRate / rate;
    this.jitterSamples = jitter * sampleRate;
  }

  /** sample position of impulse k */
  position(k: number): number {
    const offset = this.jitterSamples === 0 ? 0 : this.jitterSamples * (2 * createRandom(deriveSeed(this.seed, k, 0)).uniform() - 1);
    return Math.round(k * this.period + offset);
  }

  add(out: Float32Array, index: number, frames: number, stride: number, offset: number): void {
    const end = index + frames;
    // Every impulse that can land in [index, end), with a sample of margin for rounding.
    const first = Math.max(0, Math.floor((index - this.jitterSamples - 1) / this.period));
    const last = Math.ceil((end + this.jitterSamples + 1) / this.period);
    for (let k = first; k <= last; k++) {
      const at = this.position(k);
      if (at >= index && at < end) out[offset + (at - index) * stride] += this.amplitude;
    }
  }
}
