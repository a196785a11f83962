import type { FirPlan } from './fir-design.js';

/**
 * Streaming FIR convolution, y[n] = sum_k taps[k] x[n-k] (scipy `lfilter(taps, 1, x)`), with the last
 * numTaps inputs of each channel kept across calls. Accumulates in float64.
 * @example
 * const filter = new FirFilter(createFirPlan({ type: 'highpass', numTaps: 63, sampleRate: 16000, cutoff: 100 }));
 * filter.process(chunk, chunk); // in place, chunk after chunk
 */
export class FirFilter {
  private readonly taps: Float64Array;
  /**
   * Per channel, the history twice over (a "double ring"): each sample is written at `pos` and
   * `pos + numTaps`, so the newest numTaps samples always sit contiguous at pos+1 .. pos+numTaps
   * and the inner loop needs no wrap-around test.
   */
  private readonly history: Float64Array;
  private pos = 0;

  constructor(
    readonly plan: FirPlan,
    readonly channels = 1,
  ) {
    this.taps = plan.taps;
    this.history = new Float64Array(2 * plan.taps.length * channels);
  }

  /** Filters interleaved samples (`channels` per frame) into `out`, which may be `input`. No allocation. */
  process(input: Float32Array, out: Float32Array): void {
    const taps = this.taps;
    const n = taps.length;
    const h = this.history;
    const channels = this.channels;
    let pos = this.pos;
    for (let frame = 0; frame < input.length; frame += channels) {
      for (let ch = 0, base = 0; ch < channels; ch++, base += 2 * n) {
        const x = input[frame + ch]!;
        h[base + pos] = x;
        h[base + pos + n] = x;
        let acc = 0;
        // newest sample at base + pos + n, oldest kept at base + pos + 1
        for (let k = 0, at = base + pos + n; k < n; k++, at--) acc += taps[k]! * h[at]!;
        out[frame + ch] = acc;
      }
      pos = pos + 1 === n ? 0 : pos + 1;
    }
    this.pos = pos;
  }

  /** Forgets every channel's history, as at the start of a stream. */
  reset(): void {
    this.history.fill(0);
    this.pos = 0;
  }
}
