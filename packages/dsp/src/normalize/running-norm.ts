import { ParameterError } from '../errors.js';
import { describe, type Described } from '../plan.js';
import { rejectUnknownOptions, requireInRange, requireInteger, requireOneOf, requirePositive } from '../validate.js';

export const RUNNING_NORM_MODES = ['cumulative', 'exponential'] as const;
export type RunningNormMode = (typeof RUNNING_NORM_MODES)[number];

export interface RunningNormOptions {
  /** values per frame (features), each normalised on its own */
  size: number;
  /** 'cumulative' (default): Welford mean/variance over everything seen; 'exponential': forgetting statistics */
  mode?: RunningNormMode;
  /** exponential: weight of the newest frame, in (0, 1] */
  alpha?: number;
  /** exponential, instead of alpha: time constant in seconds (the weight follows the time between frames) */
  timeConstant?: number;
  /** with timeConstant: frames per second (Hz) assumed when `push` is given no elapsed time */
  rate?: number;
  /** added to the variance before the square root; default 1e-10 */
  epsilon?: number;
}

export interface RunningNormPlan extends Described<RunningNormOptions> {
  readonly size: number;
  readonly mode: RunningNormMode;
  /** fixed per-frame weight (exponential with alpha, or timeConstant with rate); undefined otherwise */
  readonly alpha: number | undefined;
  readonly timeConstant: number | undefined;
  readonly epsilon: number;
}

const BLOCK = 'runningNorm';

/** Shared check for the exponential weight options of the running blocks (alpha xor timeConstant [+ rate]). */
export function resolveForgetting(
  block: string,
  options: { alpha?: number; timeConstant?: number; rate?: number },
): { alpha: number | undefined; timeConstant: number | undefined; rate: number | undefined } {
  if ((options.alpha === undefined) === (options.timeConstant === undefined)) {
    throw new ParameterError(block, 'alpha', options.alpha, 'exactly one of alpha (0 < alpha <= 1) or timeConstant (seconds > 0)');
  }
  if (options.alpha !== undefined) {
    if (options.rate !== undefined) throw new ParameterError(block, 'rate', options.rate, 'no rate with alpha (rate only converts a timeConstant)');
    return { alpha: requireInRange(block, 'alpha', options.alpha, 0, 1, { minExclusive: true }), timeConstant: undefined, rate: undefined };
  }
  const timeConstant = requirePositive(block, 'timeConstant', options.timeConstant);
  const rate = options.rate === undefined ? undefined : requirePositive(block, 'rate', options.rate);
  return { alpha: rate === undefined ? undefined : 1 - Math.exp(-1 / (timeConstant * rate)), timeConstant, rate };
}

/**
 * Plans per-feature running normalisation (x - mean) / sqrt(variance + epsilon), where the statistics
 * include the current frame (so the first frame maps to zeros).
 * @example
 * const plan = createRunningNormPlan({ size: 40, mode: 'exponential', timeConstant: 3, rate: 50 });
 * const norm = new RunningNormalizer(plan);
 * norm.push(melFrame, out); // out: 40 standardised values
 */
export function createRunningNormPlan(options: RunningNormOptions): RunningNormPlan {
  rejectUnknownOptions(BLOCK, options, ['size', 'mode', 'alpha', 'timeConstant', 'rate', 'epsilon']);
  const size = requireInteger(BLOCK, 'size', options.size, 1, 1 << 20);
  const mode = requireOneOf(BLOCK, 'mode', options.mode ?? 'cumulative', RUNNING_NORM_MODES);
  const epsilon = requireInRange(BLOCK, 'epsilon', options.epsilon ?? 1e-10, 0, 1);
  if (mode === 'cumulative') {
    for (const key of ['alpha', 'timeConstant', 'rate'] as const) {
      if (options[key] !== undefined) throw new ParameterError(BLOCK, key, options[key], "no value with mode 'cumulative' (use mode 'exponential')");
    }
    return { description: describe(BLOCK, 1, { size, mode, epsilon }), size, mode, alpha: undefined, timeConstant: undefined, epsilon };
  }
  const { alpha, timeConstant, rate } = resolveForgetting(BLOCK, options);
  const resolved: RunningNormOptions = { size, mode, epsilon, ...(options.alpha !== undefined ? { alpha } : { timeConstant, ...(rate !== undefined ? { rate } : {}) }) };
  return { description: describe(BLOCK, 1, resolved), size, mode, alpha, timeConstant, epsilon };
}

/**
 * Running per-feature mean and variance (population), in double precision, and the normalisation with
 * them. Cumulative mode is Welford's update; exponential mode the West/Finch forgetting update
 * (mean += a d; var = (1 - a)(var + a d^2) with d = x - previous mean) with a = max(alpha, 1/n) for the
 * n-th frame: cumulative statistics until about 1/alpha frames have been seen, forgetting after that.
 */
export class RunningNormalizer {
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  private readonly m2: Float64Array;
  /** frames seen since the last reset */
  count = 0;

  constructor(readonly plan: RunningNormPlan) {
    this.mean = new Float64Array(plan.size);
    this.variance = new Float64Array(plan.size);
    this.m2 = new Float64Array(plan.size);
  }

  reset(): void {
    this.mean.fill(0);
    this.variance.fill(0);
    this.m2.fill(0);
    this.count = 0;
  }

  /** Adds a frame to the statistics; `elapsed` (seconds since the previous frame) sets the weight in timeConstant mode. */
  update(input: Float32Array, elapsed?: number): void {
    const { mean, variance, m2 } = this;
    const n = this.plan.size;
    this.count++;
    if (this.count === 1) {
      for (let i = 0; i < n; i++) mean[i] = input[i]!;
      variance.fill(0);
      m2.fill(0);
      return;
    }
    if (this.plan.mode === 'cumulative') {
      const inv = 1 / this.count;
      for (let i = 0; i < n; i++) {
        const x = input[i]!;
        const d = x - mean[i]!;
        mean[i] = mean[i]! + d * inv;
        m2[i] = m2[i]! + d * (x - mean[i]!);
        variance[i] = m2[i]! * inv;
      }
      return;
    }
    // Warm-up: a weight of 1/n is exactly the cumulative (Welford) update, so until 1/n drops below
    // alpha the statistics are plain averages; otherwise the first frames would be judged against a
    // variance built from one or two differences scaled down by alpha.
    const a = Math.max(this.plan.alpha ?? 1 - Math.exp(-elapsed! / this.plan.timeConstant!), 1 / this.count);
    for (let i = 0; i < n; i++) {
      const d = input[i]! - mean[i]!;
      mean[i] = mean[i]! + a * d;
      variance[i] = (1 - a) * (variance[i]! + a * d * d);
    }
  }

  /** Normalises `input` with the current statistics into `out` (no update). */
  apply(input: Float32Array, out: Float32Array): void {
    const eps = this.plan.epsilon;
    for (let i = 0; i < this.plan.size; i++) out[i] = (input[i]! - this.mean[i]!) / Math.sqrt(this.variance[i]! + eps);
  }

  /** update, then apply: the streaming normalisation. */
  push(input: Float32Array, out: Float32Array, elapsed?: number): void {
    this.update(input, elapsed);
    this.apply(input, out);
  }

  /** Current statistics as options for createFixedNormPlan (std includes epsilon), e.g. to freeze them next to a model. */
  snapshot(): { mean: number[]; std: number[] } {
    const eps = this.plan.epsilon;
    return { mean: Array.from(this.mean), std: Array.from(this.variance, (v) => Math.sqrt(v + eps)) };
  }
}
