import { computeEnvelopeSpectrum, FeatureSetExtractor } from '@sensorkit/dsp';
import type { WindowFeaturesPlan } from './feature-plan.js';

/**
 * Computes the feature row of one window. One extractor per stream: it owns the per-axis scratch.
 * Allocation-free after construction.
 */
export class WindowFeatureExtractor {
  private readonly sets: FeatureSetExtractor[];
  private readonly axis: Float32Array;
  private readonly setOut: Float32Array;
  private readonly envelope: Float32Array;

  constructor(readonly plan: WindowFeaturesPlan) {
    this.sets = Array.from({ length: plan.channels }, () => new FeatureSetExtractor(plan.featureSet));
    this.axis = new Float32Array(plan.length);
    this.setOut = new Float32Array(plan.featureSet.outputLength);
    this.envelope = new Float32Array(plan.envelope?.spectrum.bins ?? 0);
  }

  /**
   * Writes plan.outputLength features of one window into `out`. `raw` holds plan.length interleaved
   * frames of plan.channels axes; `filtered` the same window after the envelope band-pass (needed when
   * the plan has an envelope stage).
   */
  process(raw: Float32Array, filtered: Float32Array | undefined, out: Float64Array, offset = 0): void {
    const { plan, axis, setOut } = this;
    const channels = plan.channels;
    const perAxis = plan.axisNames.length;
    for (let ch = 0; ch < channels; ch++) {
      let at = offset + ch * perAxis;
      deinterleave(raw, channels, ch, axis);
      this.sets[ch]!.process(axis, setOut);
      for (let i = 0; i < setOut.length; i++) out[at++] = setOut[i]!;
      const env = plan.envelope;
      if (env && filtered) {
        deinterleave(filtered, channels, ch, axis);
        computeEnvelopeSpectrum(env.spectrum, axis.subarray(env.offset, env.offset + env.spectrum.length), this.envelope);
        for (let l = 0; l < env.lines.length; l++) {
          let energy = 0;
          for (let k = env.binStart[l]!; k < env.binEnd[l]!; k++) energy += this.envelope[k]! * this.envelope[k]!;
          // dB of the amplitude² around the line; the floor keeps silence finite.
          out[at++] = 10 * Math.log10(energy > 1e-20 ? energy : 1e-20);
        }
      }
    }
  }
}

function deinterleave(frame: Float32Array, channels: number, channel: number, out: Float32Array): void {
  for (let i = 0, j = channel; i < out.length; i++, j += channels) out[i] = frame[j]!;
}
