import { requireInRange } from '@sensorkit/dsp';
import { checkScored } from './check.js';

/*
 * Convention throughout: a higher score means "more likely positive" (anomalous, the keyword), and a
 * sample is called positive when its score is >= the threshold.
 */

export interface RocCurve {
  /** false-positive rate at each threshold, rising from 0 to 1 */
  fpr: number[];
  /** true-positive rate at each threshold */
  tpr: number[];
  /** score >= thresholds[i] gives (fpr[i], tpr[i]); thresholds[0] lies above every score (the (0, 0) point) */
  thresholds: number[];
  positives: number;
  negatives: number;
}

/** The ROC curve with one point per distinct score (ties move both rates at once), plus the (0, 0) start. */
export function rocCurve(scores: ArrayLike<number>, positives: ArrayLike<boolean>): RocCurve {
  const { p, n } = checkScored('rocCurve', scores, positives);
  const order = Array.from(scores, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const top = scores[order[0]];
  // Strictly above the maximum, and finite so the curve survives JSON.stringify.
  const fpr = [0];
  const tpr = [0];
  const thresholds = [top + Math.max(1, Math.abs(top))];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (positives[i]) tp++;
    else fp++;
    const next = order[k + 1];
    if (next !== undefined && scores[next] === scores[i]) continue;
    fpr.push(fp / n);
    tpr.push(tp / p);
    thresholds.push(scores[i]);
  }
  return { fpr, tpr, thresholds, positives: p, negatives: n };
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative,
 * ties counting one half (the Mann-Whitney U statistic over positives x negatives).
 * @example
 * rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);   // 0.75
 */
export function rocAuc(scores: ArrayLike<number>, positives: ArrayLike<boolean>): number {
  const { p, n } = checkScored('rocAuc', scores, positives);
  const order = Array.from(scores, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positiveRankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && scores[order[end]] === scores[order[start]]) end++;
    // Tied scores share the mean of ranks start+1..end.
    const meanRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) if (positives[order[k]]) positiveRankSum += meanRank;
    start = end;
  }
  return (positiveRankSum - (p * (p + 1)) / 2) / (p * n);
}

export interface PartialAuc {
  /** the FPR the area stops at */
  maxFpr: number;
  /** which of the two values below `value` is: 'normalized' */
  standard: 'normalized';
  /** the default: area / maxFpr, in [0, 1] (chance = maxFpr / 2); the pAUC defined in the DCASE task 2 papers */
  value: number;
  /** area / maxFpr */
  normalized: number;
  /**
   * McClish-standardised: 0.5 * (1 + (area - maxFpr^2/2) / (maxFpr - maxFpr^2/2)), chance = 0.5. This is what
   * scikit-learn's roc_auc_score(max_fpr=...) returns, and so what the DCASE / MLPerf Tiny baseline scripts print.
   */
  mcclish: number;
  /** the raw area under the ROC curve for FPR in [0, maxFpr] */
  area: number;
}

/**
 * Partial AUC over FPR in [0, maxFpr] (trapezoids, the curve interpolated linearly at maxFpr), returned
 * both normalised (area / maxFpr, the default `value`) and McClish-standardised.
 * @example
 * partialAuc(scores, isAnomalous, 0.1).value;   // pAUC at FPR 0.1
 */
export function partialAuc(scores: ArrayLike<number>, positives: ArrayLike<boolean>, maxFpr = 0.1): PartialAuc {
  requireInRange('partialAuc', 'maxFpr', maxFpr, 0, 1, { minExclusive: true, hint: 'a false-positive rate' });
  const { fpr, tpr } = rocCurve(scores, positives);
  let area = 0;
  for (let i = 1; i < fpr.length && fpr[i - 1] < maxFpr; i++) {
    const x0 = fpr[i - 1];
    const y0 = tpr[i - 1];
    const x1 = Math.min(fpr[i], maxFpr);
    const y1 = fpr[i] > maxFpr ? y0 + ((tpr[i] - y0) * (maxFpr - x0)) / (fpr[i] - x0) : tpr[i];
    area += ((x1 - x0) * (y0 + y1)) / 2;
  }
  const minArea = (maxFpr * maxFpr) / 2;
  const normalized = area / maxFpr;
  const mcclish = 0.5 * (1 + (area - minArea) / (maxFpr - minArea));
  return { maxFpr, standard: 'normalized', value: normalized, normalized, mcclish, area };
}
