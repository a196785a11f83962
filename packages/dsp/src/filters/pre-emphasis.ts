import { describe, type Described } from '../plan.js';
import { rejectUnknownOptions, requireInRange } from '../validate.js';

export interface PreEmphasisOptions {
  /** a in y[n] = x[n] - a x[n-1], in [0, 1]; default 0.97 (Edge Impulse's MFCC block uses 0.98) */
  coefficient?: number;
}

export interface PreEmphasisPlan extends Described<Required<PreEmphasisOptions>> {
  readonly coefficient: number;
}

const BLOCK = 'preEmphasis';

/**
 * Plans speech pre-emphasis y[n] = x[n] - a x[n-1]: a first-order highpass tilt (+6 dB/octave above a
 * few hundred Hz) applied before MFCCs.
 * @example
 * const pre = new PreEmphasis(createPreEmphasisPlan({ coefficient: 0.98 }));
 * pre.process(audio, audio); // chunk after chunk; the previous sample is carried over
 */
export function createPreEmphasisPlan(options: PreEmphasisOptions = {}): PreEmphasisPlan {
  rejectUnknownOptions(BLOCK, options, ['coefficient']);
  const coefficient = requireInRange(BLOCK, 'coefficient', options.coefficient ?? 0.97, 0, 1);
  return { description: describe(BLOCK, 1, { coefficient }), coefficient };
}

/** Streaming pre-emphasis; keeps each channel's last input sample across calls. */
export class PreEmphasis {
  private readonly lastInput: Float64Array;

  constructor(
    readonly plan: PreEmphasisPlan,
    readonly channels = 1,
  ) {
    this.lastInput = new Float64Array(channels);
  }

  /** Filters interleaved samples into `out`, which may be `input`. No allocation. */
  process(input: Float32Array, out: Float32Array): void {
    const a = this.plan.coefficient;
    const channels = this.channels;
    const xs = this.lastInput;
    for (let frame = 0; frame < input.length; frame += channels) {
      for (let ch = 0; ch < channels; ch++) {
        const x = input[frame + ch]!;
        out[frame + ch] = x - a * xs[ch]!;
        xs[ch] = x;
      }
    }
  }

  /** Forgets the previous samples, as at the start of a stream. */
  reset(): void {
    this.lastInput.fill(0);
  }
}
