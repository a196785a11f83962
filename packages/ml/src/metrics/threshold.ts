import { InputError, requireInRange } from '@sensorkit/dsp';

/**
 * The alarm threshold that keeps the false-positive rate on these normal scores at or below `fpr`: at
 * most floor(fpr * n) of them lie strictly above it (alarm when score > threshold). It is one of the
 * normal scores, the empirical (1 - fpr) quantile; with fpr = 0 it is the largest.
 * @example
 * const threshold = thresholdAtFpr(heldOutNormalScores, 0.01);   // ~1 % false alarms on normal data
 */
export function thresholdAtFpr(normalScores: ArrayLike<number>, fpr: number): number {
  requireInRange('thresholdAtFpr', 'fpr', fpr, 0, 1, { maxExclusive: true, hint: 'a false-positive rate' });
  const n = normalScores.length;
  if (n === 0) throw new InputError('thresholdAtFpr', 'no normal scores; expected at least one');
  const sorted = Float64Array.from(normalScores);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(sorted[i])) throw new InputError('thresholdAtFpr', `normal score ${i} is ${sorted[i]}; expected a finite number`);
  }
  sorted.sort();
  // 0.29 * 100 is 28.999999999999996 in binary: without the epsilon it would allow one false alarm too few.
  const allowed = Math.floor(fpr * n + 1e-9);
  return sorted[n - 1 - allowed];
}

/** The fraction of `scores` that would raise an alarm (score > threshold). */
export function alarmRate(scores: ArrayLike<number>, threshold: number): number {
  if (scores.length === 0) throw new InputError('alarmRate', 'no scores; expected at least one');
  let above = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] > threshold) above++;
  return above / scores.length;
}
