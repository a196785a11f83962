import { describe, type Described } from '../plan.js';
import { rejectUnknownOptions, requireInRange } from '../validate.js';

export interface DcBlockerOptions {
  /** pole radius in [0, 1); default 0.995. Closer to 1 = narrower notch at DC, longer settling */
  r?: number;
}

export interface DcBlockerPlan extends Described<Required<DcBlockerOptions>> {
  readonly r: number;
}

const BLOCK = 'dcBlocker';

/**
 * Plans a DC blocker y[n] = x[n] - x[n-1] + r y[n-1]: a zero at DC and a pole just inside it. The -3 dB
 * corner is about (1 - r) * sampleRate / (2 pi) Hz (12.7 Hz at r = 0.995, 16 kHz).
 * @example
 * const blocker = new DcBlocker(createDcBlockerPlan({ r: 0.995 }));
 * blocker.process(accel, accel); // removes gravity / sensor offset, in place
 */
export function createDcBlockerPlan(options: DcBlockerOptions = {}): DcBlockerPlan {
  rejectUnknownOptions(BLOCK, options, ['r']);
  const r = requireInRange(BLOCK, 'r', options.r ?? 0.995, 0, 1, { maxExclusive: true, hint: '1 would be an unstable integrator' });
  return { description: describe(BLOCK, 1, { r }), r };
}

/** Streaming DC blocker; per-channel state (last input, last output) in float64 carried across calls. */
export class DcBlocker {
  private readonly lastInput: Float64Array;
  private readonly lastOutput: Float64Array;

  constructor(
    readonly plan: DcBlockerPlan,
    readonly channels = 1,
  ) {
    this.lastInput = new Float64Array(channels);
    this.lastOutput = new Float64Array(channels);
  }

  /** Filters interleaved samples into `out`, which may be `input`. No allocation. */
  process(input: Float32Array, out: Float32Array): void {
    const r = this.plan.r;
    const channels = this.channels;
    const xs = this.lastInput;
    const ys = this.lastOutput;
    for (let frame = 0; frame < input.length; frame += channels) {
      for (let ch = 0; ch < channels; ch++) {
        const x = input[frame + ch]!;
        const y = x - xs[ch]! + r * ys[ch]!;
        xs[ch] = x;
        ys[ch] = y;
        out[frame + ch] = y;
      }
    }
  }

  /** Forgets the state, as at the start of a stream. */
  reset(): void {
    this.lastInput.fill(0);
    this.lastOutput.fill(0);
  }
}
