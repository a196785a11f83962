import type { Deviation } from '../contracts.js';
import type { StandardizerJSON } from './standardizer.js';

export const DETECTOR_KINDS = ['gaussian', 'kmeans', 'autoencoder'] as const;
/** The detectors trained on normal data only. */
export type DetectorKind = (typeof DETECTOR_KINDS)[number];

/** What every detector saves: its kind, its standardisation, and its own parameters. */
export interface DetectorJSON {
  kind: DetectorKind;
  standardizer: StandardizerJSON;
  /** detector-specific parameters (plain JSON; autoencoder weights travel separately, as a TF.js model) */
  params: Record<string, unknown>;
}

/**
 * A novelty detector: learns "normal" from normal windows only, then scores any window (higher = less
 * normal). Features are standardised with the normal data's mean and std before the model sees them.
 */
export interface Detector {
  readonly kind: DetectorKind;
  /** feature names, in row order */
  readonly names: readonly string[];
  /** Learns from normal feature rows. */
  fit(rows: readonly Float64Array[]): Promise<void>;
  /** Anomaly score of one row (units depend on the kind; compare against a calibrated threshold). */
  score(row: Float64Array): number;
  /** Scores of many rows at once (faster for the autoencoder). */
  scoreMany(rows: readonly Float64Array[]): Float64Array;
  /** The features farthest from normal in this row, as z-scores against the normal data, largest first. */
  explain(row: Float64Array, count?: number): Deviation[];
  toJSON(): DetectorJSON;
}

/** scoreMany for detectors whose single-row score is already cheap. */
export function scoreEach(detector: Pick<Detector, 'score'>, rows: readonly Float64Array[]): Float64Array {
  const scores = new Float64Array(rows.length);
  rows.forEach((row, i) => (scores[i] = detector.score(row)));
  return scores;
}
