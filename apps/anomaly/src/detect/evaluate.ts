import { partialAuc, rocAuc } from '@sensorkit/ml';
import type { SimulationTruth, WindowScore } from '../contracts.js';

/** Separation of abnormal from normal windows, and the threshold's error rates. */
export interface Separation {
  /** ROC AUC of abnormal against normal window scores */
  auc: number;
  /** partial AUC over FPR 0..0.1, normalised (area / 0.1) */
  pauc: number;
  /** fraction of abnormal windows scoring above the threshold */
  detectionRate: number;
}

/** How a run-to-failure recording was caught. Times in s. */
export interface DetectionTiming {
  onset: number;
  failure: number | undefined;
  /** when the first alarm after onset was raised: the end of the first window in alarm that reaches past the onset */
  firstAlarm: number | undefined;
  /** firstAlarm - onset */
  delay: number | undefined;
  /** alarm raised before the failure time (or at all, without one) */
  beforeFailure: boolean;
  /** windows in alarm that end before the onset: false alarms on the still-healthy machine */
  alarmsBeforeOnset: number;
}

/** Fraction of scores above the threshold: the window-level false-alarm rate on normal data. */
export function alarmFraction(scores: ArrayLike<number>, threshold: number): number {
  let above = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i]! > threshold) above++;
  return scores.length === 0 ? 0 : above / scores.length;
}

/** AUC, pAUC (FPR <= 0.1) and detection rate of abnormal against normal scores. */
export function separation(normal: ArrayLike<number>, abnormal: ArrayLike<number>, threshold: number): Separation {
  const scores = [...Array.from(normal), ...Array.from(abnormal)];
  const positives = scores.map((_, i) => i >= normal.length);
  return { auc: rocAuc(scores, positives), pauc: partialAuc(scores, positives, 0.1).value, detectionRate: alarmFraction(abnormal, threshold) };
}

/**
 * The windows of a recording that count as abnormal: with a ground truth that has an onset, those
 * that start at or after it (a window straddling the onset is neither normal nor abnormal); without
 * one, all of them.
 */
export function faultyWindows(windows: readonly WindowScore[], truth: SimulationTruth | undefined): WindowScore[] {
  if (truth?.onset === undefined) return [...windows];
  return windows.filter((w) => w.time >= truth.onset!);
}

/**
 * When the alarm came on a recording whose ground truth has a fault onset (undefined without one).
 * A window's verdict is known at its end, so times are window ends: `windowSeconds` is the window length.
 */
export function detectionTiming(windows: readonly WindowScore[], truth: SimulationTruth | undefined, windowSeconds: number): DetectionTiming | undefined {
  if (truth?.onset === undefined) return undefined;
  const onset = truth.onset;
  const first = windows.find((w) => w.time + windowSeconds > onset && w.state === 'alarm');
  const firstAlarm = first === undefined ? undefined : first.time + windowSeconds;
  return {
    onset,
    failure: truth.failure,
    firstAlarm,
    delay: firstAlarm === undefined ? undefined : firstAlarm - onset,
    beforeFailure: firstAlarm !== undefined && (truth.failure === undefined || firstAlarm < truth.failure),
    alarmsBeforeOnset: windows.filter((w) => w.time + windowSeconds <= onset && w.state === 'alarm').length,
  };
}
