import { InputError, ParameterError, rejectUnknownOptions, requireInRange, requireInteger } from '@sensorkit/dsp';
import { thresholdAtFpr } from '@sensorkit/ml';
import { DETECTOR_KINDS, type Detector, type DetectorKind } from './detector.js';
import { createDetector, type DetectorOptions } from './detector-factory.js';
import { deviationAuc, scoreSpread, selectDetector, type SelectionEntry } from './selection.js';
import { splitWindows } from './split.js';
import { Standardizer } from './standardizer.js';

export interface DetectorTrainingOptions extends DetectorOptions {
  /** which detector, or 'auto' (default): train all three, keep the best by the selection rule */
  detector?: DetectorKind | 'auto';
  /** false-alarm rate the threshold promises on normal windows; default 0.01 */
  fpr?: number;
  /** fraction of each recording's windows held out to calibrate the threshold; default 0.25 */
  holdout?: number;
  /** seed of every random choice in training; default 1 */
  seed?: number;
}

/** A detector trained on normal windows, with its threshold and how it was chosen. */
export interface TrainedDetector {
  detector: Detector;
  /** alarm when score > threshold */
  threshold: number;
  fpr: number;
  /**
   * Expected false-alarm rate of this threshold on fresh normal windows like the held-out ones:
   * (k + 1) / (n + 1) for the (n - k)-th smallest of n held-out scores, k = floor(fpr n). Above fpr
   * when there are too few held-out windows (n < 1 / fpr gives the largest score, (n + 1)^-1).
   */
  expectedFpr: number;
  /** one entry per candidate (one, unless 'auto') */
  selection: SelectionEntry[];
  split: { train: number; heldOut: number; purged: number };
  /** scores of the held-out normal windows */
  heldOutScores: Float64Array;
}

const BLOCK = 'train';

/**
 * Trains on normal windows only: a purged block split of each recording (see splitWindows), detector
 * fit on the training windows, threshold = the (1 - fpr) quantile of the held-out scores. With 'auto',
 * all three kinds are trained and the one that best notices synthetic deviations wins (selectDetector).
 * `segments` holds each recording's feature rows in time order; `overlap` is how many neighbouring
 * windows share samples with each window (ceil(window / hop) - 1).
 * @example
 * const trained = await trainDetector(plan.names, [rowsOfFile1, rowsOfFile2], 1, { detector: 'auto' });
 */
export async function trainDetector(
  names: readonly string[],
  segments: readonly (readonly Float64Array[])[],
  overlap: number,
  options: DetectorTrainingOptions = {},
): Promise<TrainedDetector> {
  rejectUnknownOptions(BLOCK, options, ['detector', 'fpr', 'holdout', 'seed', 'gaussian', 'kmeans', 'autoencoder']);
  const choice = options.detector ?? 'auto';
  if (choice !== 'auto' && !DETECTOR_KINDS.includes(choice)) {
    throw new ParameterError(BLOCK, 'detector', choice, `one of ${[...DETECTOR_KINDS, 'auto'].join(', ')}`);
  }
  const fpr = requireInRange(BLOCK, 'fpr', options.fpr ?? 0.01, 0, 0.5, { hint: 'a false-alarm rate' });
  const holdout = requireInRange(BLOCK, 'holdout', options.holdout ?? 0.25, 0, 0.5, { minExclusive: true });
  const seed = requireInteger(BLOCK, 'seed', options.seed ?? 1, 0, 2 ** 32 - 1);
  const train: Float64Array[] = [];
  const heldOut: Float64Array[] = [];
  let purged = 0;
  for (const rows of segments) {
    const split = splitWindows(rows.length, { holdout, overlap });
    split.train.forEach((i) => train.push(rows[i]!));
    split.heldOut.forEach((i) => heldOut.push(rows[i]!));
    purged += split.purged;
  }
  if (heldOut.length < 5 || train.length < 10) {
    throw new InputError(BLOCK, `${train.length} training and ${heldOut.length} held-out windows; need at least 10 and 5 (give more or longer normal recordings)`);
  }
  const kinds: readonly DetectorKind[] = choice === 'auto' ? DETECTOR_KINDS : [choice];
  const std = Standardizer.fit(names, train).std;
  const candidates: { detector: Detector; entry: SelectionEntry; scores: Float64Array }[] = [];
  for (const kind of kinds) {
    const detector = createDetector(kind, names, options);
    await detector.fit(train);
    const scores = detector.scoreMany(heldOut);
    const entry = { kind, deviationAuc: deviationAuc(detector, heldOut, std, seed), spread: scoreSpread(scores) };
    candidates.push({ detector, entry, scores });
  }
  const chosen = selectDetector(candidates.map((c) => c.entry));
  const winner = candidates.find((c) => c.entry === chosen)!;
  for (const c of candidates) if (c !== winner) (c.detector as { dispose?: () => void }).dispose?.();
  const allowed = Math.floor(fpr * heldOut.length + 1e-9);
  return {
    detector: winner.detector,
    threshold: thresholdAtFpr(winner.scores, fpr),
    fpr,
    expectedFpr: (allowed + 1) / (heldOut.length + 1),
    selection: candidates.map((c) => c.entry),
    split: { train: train.length, heldOut: heldOut.length, purged },
    heldOutScores: winner.scores,
  };
}
