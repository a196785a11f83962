import type { SeverityPoint } from '../contracts.js';

/**
 * How a fault's severity (0 = healthy, 1 = failed) evolves over simulated time: constant, or a
 * run-to-failure that appears at `onset` with severity `initial` and grows exponentially to 1 at
 * `failure`, as spall growth and wear are usually modelled.
 */
export type SeverityCurve =
  | { readonly type: 'constant'; readonly severity: number }
  | { readonly type: 'run-to-failure'; readonly onset: number; readonly failure: number; readonly initial: number; readonly growth: number };

/** Timeline points per onset-to-failure span: fine enough to read severity at a glance. */
const TIMELINE_STEPS = 50;

/**
 * Severity at time `t` (s): 0 before onset, initial + (1 - initial) (e^(g u) - 1) / (e^g - 1) with
 * u = (t - onset) / (failure - onset) during growth, 1 from failure on.
 * @example
 * severityAt({ type: 'run-to-failure', onset: 10, failure: 60, initial: 0.1, growth: 4 }, 35); // 0.207
 */
export function severityAt(curve: SeverityCurve, t: number): number {
  if (curve.type === 'constant') return curve.severity;
  if (t < curve.onset) return 0;
  if (t >= curve.failure) return 1;
  const u = (t - curve.onset) / (curve.failure - curve.onset);
  return curve.initial + (1 - curve.initial) * (Math.expm1(curve.growth * u) / Math.expm1(curve.growth));
}

/**
 * The ground-truth timeline of a recording of `duration` s: points where severity is read off the
 * curve (step semantics: from each point's time on, until the next point, the fault has at least that
 * severity, as the curve never decreases). Constant faults have one point at 0; run-to-failure has a
 * point at 0, at onset, every (failure - onset) / 50 s during growth, and at failure, up to `duration`.
 */
export function severityTimeline(curve: SeverityCurve, duration: number): SeverityPoint[] {
  if (curve.type === 'constant') return [{ time: 0, severity: curve.severity }];
  const times = new Set<number>([0]);
  const step = (curve.failure - curve.onset) / TIMELINE_STEPS;
  for (let i = 0; i <= TIMELINE_STEPS; i++) {
    const t = i === TIMELINE_STEPS ? curve.failure : curve.onset + i * step;
    if (t <= duration) times.add(t);
  }
  return [...times].sort((a, b) => a - b).map((time) => ({ time, severity: severityAt(curve, time) }));
}
