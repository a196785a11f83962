import { describe, rejectUnknownOptions, requireInRange, requireInteger, type Described } from '@sensorkit/dsp';

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
  /** most windows one detection may stay above the threshold before it is reported anyway (default 10) */
  hold?: number;
}

export interface SmootherPlan extends Described<Required<Omit<SmootherOptions, 'negative'>> & { negative: number }> {
  readonly classes: number;
  readonly hold: number;
  readonly negative: number;
  readonly average: number;
  readonly threshold: number;
  readonly suppress: number;
}

/** Checks posterior-smoothing settings once. */
export function createSmootherPlan(options: SmootherOptions): SmootherPlan {
  const block = 'posterior-smoother';
  rejectUnknownOptions(block, options, ['classes', 'negative', 'average', 'threshold', 'suppress', 'hold']);
  const classes = requireInteger(block, 'classes', options.classes, 2, 4096);
  const negative = options.negative === undefined ? -1 : requireInteger(block, 'negative', options.negative, 0, classes - 1);
  const average = requireInteger(block, 'average', options.average ?? 3, 1, 1000);
  const threshold = requireInRange(block, 'threshold', options.threshold ?? 0.7, 0, 1, { minExclusive: true });
  const suppress = requireInteger(block, 'suppress', options.suppress ?? 5, 0, 1_000_000);
  const hold = requireInteger(block, 'hold', options.hold ?? 10, 1, 1_000_000);
  return { description: describe(block, 2, { classes, negative, average, threshold, suppress, hold }), classes, negative, average, threshold, suppress, hold };
}

/** A detection: the class, its smoothed probability at the peak, and how many windows ago the peak was. */
export interface SmoothedDetection {
  label: number;
  score: number;
  windowsAgo: number;
}

/**
 * Posterior smoothing for sliding windows, as keyword spotters do it: the mean of the last `average`
 * probability vectors. A detection starts when a class other than the negative one reaches `threshold`
 * and lasts while one stays above half of it (at most `hold` windows); it is reported when it ends, with the class
 * and window where the smoothed probability peaked: a gesture sliding through the window is best
 * recognised where it sits as in training, while the first windows to cross the threshold see it cut
 * off at their edge. Then `suppress` windows pass before the next detection can start.
 * @example
 * const s = new PosteriorSmoother(createSmootherPlan({ classes: 7, negative: 6 }));
 * const hit = s.push(probabilities); // { label: 2, score: 0.91, windowsAgo: 3 } or undefined
 */
export class PosteriorSmoother {
  private readonly history: Float32Array;
  private readonly sum: Float64Array;
  private count = 0;
  private quiet = 0;
  private episode: { label: number; score: number; length: number; peak: number } | undefined;

  constructor(readonly plan: SmootherPlan) {
    this.history = new Float32Array(plan.average * plan.classes);
    this.sum = new Float64Array(plan.classes);
  }

  /** Feeds one window's probabilities; returns a detection that ended with it, if any. */
  push(probabilities: Float32Array): SmoothedDetection | undefined {
    const { classes, average, negative, threshold } = this.plan;
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
    if (n < average) return undefined;
    let best = -1;
    for (let k = 0; k < classes; k++) if (k !== negative && (best < 0 || this.sum[k]! > this.sum[best]!)) best = k;
    const score = this.sum[best]! / n;
    // Hysteresis: a detection starts at the threshold and ends below half of it, so the dip while one
    // class hands over to another (a gesture cut off at the window's edge, then whole) does not split it.
    if (this.episode ? score < threshold / 2 : score < threshold) return this.episode ? this.finish() : undefined;
    const e = (this.episode ??= { label: best, score, length: 0, peak: 0 });
    if (score > e.score) Object.assign(e, { label: best, score, peak: e.length });
    e.length++;
    return e.length >= this.plan.hold ? this.finish() : undefined;
  }

  reset(): void {
    this.count = 0;
    this.quiet = 0;
    this.episode = undefined;
    this.sum.fill(0);
  }

  private finish(): SmoothedDetection {
    const e = this.episode!;
    this.episode = undefined;
    this.quiet = this.plan.suppress;
    return { label: e.label, score: e.score, windowsAgo: e.length - e.peak };
  }
}
