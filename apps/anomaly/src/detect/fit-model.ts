import type { WindowFeaturesPlan } from './feature-plan.js';
import type { FeatureRow } from './feature-stream.js';
import { resolveHealthOptions, type HealthOptions } from './health.js';
import type { AnomalyModel, TrainingInput, TrainingRecord } from './model.js';
import { backendName } from './model-folder.js';
import { trainDetector, type DetectorTrainingOptions } from './train-detector.js';

export interface AnomalyTrainingOptions extends DetectorTrainingOptions {
  health?: HealthOptions;
}

/** Where the training data came from, recorded in the model. */
export interface TrainingProvenance {
  inputs: TrainingInput[];
  /** SHA-256 of the data (fingerprintFiles or fingerprintData) */
  fingerprint: string;
  command?: string;
}

/**
 * Trains a complete anomaly model from the feature rows of normal recordings (one array per
 * recording, in time order): detector, threshold from held-out windows, health settings, record.
 * @example
 * const model = await fitAnomalyModel(plan, [rowsA, rowsB], { detector: 'gaussian' }, { inputs, fingerprint });
 */
export async function fitAnomalyModel(
  features: WindowFeaturesPlan,
  recordings: readonly (readonly FeatureRow[])[],
  options: AnomalyTrainingOptions,
  provenance: TrainingProvenance,
): Promise<AnomalyModel> {
  const { health, ...detectorOptions } = options;
  const resolvedHealth = resolveHealthOptions(health);
  const overlap = Math.max(0, Math.ceil(features.length / features.hop) - 1);
  const trained = await trainDetector(
    features.names,
    recordings.map((rows) => rows.map((r) => r.values)),
    overlap,
    detectorOptions,
  );
  const sorted = Float64Array.from(trained.heldOutScores).sort();
  const quantile = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const training: TrainingRecord = {
    detector: options.detector ?? 'auto',
    seed: options.seed ?? 1,
    holdout: options.holdout ?? 0.25,
    selection: trained.selection,
    split: trained.split,
    expectedFpr: trained.expectedFpr,
    heldOut: { median: quantile(0.5), p99: quantile(0.99), max: sorted[sorted.length - 1]! },
    inputs: provenance.inputs,
    fingerprint: provenance.fingerprint,
    backend: trained.selection.some((s) => s.kind === 'autoencoder') ? backendName() : 'none',
    ...(provenance.command ? { command: provenance.command } : {}),
  };
  return { features, detector: trained.detector, threshold: trained.threshold, fpr: trained.fpr, health: resolvedHealth, training };
}
