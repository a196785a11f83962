import { describe, type Described } from '../plan.js';
import { rejectUnknownOptions } from '../validate.js';
import { resolveForgetting } from './running-norm.js';

export interface SmoothingOptions {
  /** weight of the newest value, in (0, 1]: y += alpha * (x - y) */
  alpha?: number;
  /** instead of alpha: time constant in seconds */
  timeConstant?: number;
  /** with timeConstant: updates per second (Hz; the sample rate for samples) giving alpha = 1 - exp(-1 / (timeConstant * rate)) */
  rate?: number;
}

export interface SmoothingPlan extends Described<SmoothingOptions> {
  /** fixed weight per update; undefined for a timeConstant without rate (weight from the elapsed time) */
  readonly alpha: number | undefined;
  readonly timeConstant: number | undefined;
}

const BLOCK = 'smoothing';

/**
 * Plans one-pole exponential smoothing (an exponential moving average). The state starts at the first
 * value, so there is no start-up ramp from zero.
 * @example
 * const plan = createSmoothingPlan({ timeConstant: 0.1, rate: 100 }); // 100 Hz IMU, 0.1 s
 * const s = new OnePoleSmoother(plan, 3);
 * s.process(chunk.samples, out); // 3 interleaved channels, each smoothed on its own
 */
export function createSmoothingPlan(options: SmoothingOptions): SmoothingPlan {
  rejectUnknownOptions(BLOCK, options, ['alpha', 'timeConstant', 'rate']);
  const { alpha, timeConstant, rate } = resolveForgetting(BLOCK, options);
  const resolved: SmoothingOptions = options.alpha !== undefined ? { alpha } : { timeConstant, ...(rate !== undefined ? { rate } : {}) };
  return { description: describe(BLOCK, 1, resolved), alpha, timeConstant };
}

/** One-pole smoother over `width` independent values (features of a frame, or interleaved channels); double-precision state. */
export class OnePoleSmoother {
  private readonly state: Float64Array;
  private started = false;

  constructor(
    readonly plan: SmoothingPlan,
    readonly width: number,
  ) {
    this.state = new Float64Array(width);
  }

  reset(): void {
    this.started = false;
  }

  /** One update with a vector of `width` values (a frame); `elapsed` seconds set the weight when the plan has no alpha. */
  push(input: Float32Array, out: Float32Array, elapsed?: number): void {
    const a = this.plan.alpha ?? 1 - Math.exp(-elapsed! / this.plan.timeConstant!);
    this.run(input, out, 0, a);
  }

  /** Interleaved samples, `width` channels per frame, one update per frame with the plan's alpha; `out` may be `input`. */
  process(samples: Float32Array, out: Float32Array): void {
    const a = this.plan.alpha!;
    for (let at = 0; at < samples.length; at += this.width) this.run(samples, out, at, a);
  }

  private run(input: Float32Array, out: Float32Array, offset: number, a: number): void {
    const y = this.state;
    if (!this.started) {
      for (let i = 0; i < this.width; i++) y[i] = input[offset + i]!;
      this.started = true;
    } else {
      for (let i = 0; i < this.width; i++) y[i] = y[i]! + a * (input[offset + i]! - y[i]!);
    }
    for (let i = 0; i < this.width; i++) out[offset + i] = y[i]!;
  }
}
