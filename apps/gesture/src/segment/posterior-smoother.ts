import { describe, ParameterError, rejectUnknownOptions, requireInRange, requireInteger, type Described } from '@sensorkit/dsp';

export interface SmootherOptions {
  /** classes in the probability vectors */
  classes: number;
  /** index of the no-gesture class, never reported (default: none) */
  negative?: number;
  /** predictions averaged (default 3) */
  average?: number;
  /** smoothed probability a class must reach (default 0.7) */
  threshold?: number;
  /** windows after a detection during which nothing is reported (default 5) */
  suppress?: number;
}

export interface SmootherPlan extends Described<Required<Omit<SmootherOptions, 'negative'>> & { negative: number }> {
  readonly classes: number;
  readonly negative: number;
  readonly average: number;
  readonly threshold: number;
  readonly suppress: number;
}

/** Checks posterior-smoothing settings once. */
export function createSmootherPlan(options: SmootherOptions): SmootherPlan {
  const block = 'posterior-smoother';
  rejectUnknownOptions(block, options, ['classes', 'negative', 'average', 'threshold', 'suppress']);
  const classes = requireInteger(block, 'classes', options.classes, 2, 4096);
  const negative = options.negative === undefined ? -1 : requireInteger(block, 'negative', options.negative, 0, classes - 1);
  const average = requireInteger(block, 'average', options.average ?? 3, 1, 1000);
  const threshold = requireInRange(block, 'threshold', options.threshold ?? 0.7, 0, 1, { minExclusive: true });
  const suppress = requireInteger(block, 'suppress', options.suppress ?? 5, 0, 1_000_000);
  if (negative < 0 && classes < 2) throw new ParameterError(block, 'classes', classes, 'at least 2');
  return { description: describe(block, 1, { classes, negative, average, threshold, suppress }), classes, negative, average, threshold, suppress };
}

/**
 * Posterior smoothing for sliding windows, as keyword spotters do it: the mean of the last `average`
 * probability vectors; a class other than the negative one is reported when its mean reaches
 * `threshold`; then `suppress` windows pass before the next report, so one gesture seen by several
 * overlapping windows is reported once.
 * @example
 * const s = new PosteriorSmoother(createSmootherPlan({ classes: 7, negative: 6 }));
 * const hit = s.push(probabilities); // { label: 2, score: 0.91 } or undefined
 */
export class PosteriorSmoother {
  private readonly history: Float32Array;
  private readonly sum: Float64Array;
  private count = 0;
  private quiet = 0;

  constructor(readonly plan: SmootherPlan) {
    this.history = new Float32Array(plan.average * plan.classes);
    this.sum = new Float64Array(plan.classes);
  }

  /** Feeds one window's probabilities; returns the class reported after it, if any. */
  push(probabilities: Float32Array): { label: number; score: number } | undefined {
    const { classes, average, negative, threshold, suppress } = this.plan;
    const slot = (this.count % average) * classes;
    for (let k = 0; k < classes; k++) {
      if (this.count >= average) this.sum[k] -= this.history[slot + k]!;
      this.history[slot + k] = probabilities[k]!;
      this.sum[k] += probabilities[k]!;
    }
    this.count++;
    if (this.quiet > 0) {
      this.quiet--;
      return undefined;
    }
    const n = Math.min(this.count, average);
    let best = -1;
    for (let k = 0; k < classes; k++) if (k !== negative && (best < 0 || this.sum[k]! > this.sum[best]!)) best = k;
    const score = this.sum[best]! / n;
    if (n < average || score < threshold) return undefined;
    this.quiet = suppress;
    return { label: best, score };
  }

  reset(): void {
    this.count = 0;
    this.quiet = 0;
    this.sum.fill(0);
  }
}
