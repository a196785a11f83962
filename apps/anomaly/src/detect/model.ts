import type { AlertEvent, WindowScore } from '../contracts.js';
import type { Detector, DetectorKind } from './detector.js';
import type { WindowFeaturesPlan } from './feature-plan.js';
import { FeatureStream, type FeatureRow } from './feature-stream.js';
import { HealthMonitor, type ResolvedHealthOptions } from './health.js';
import type { SelectionEntry } from './selection.js';
import type { SampleChunk } from '@sensorkit/dsp';

/** One recording a model was trained on. */
export interface TrainingInput {
  file: string;
  /** Hz, of the file (the model's rate may differ: files are resampled to it) */
  sampleRate: number;
  channels: number;
  /** s */
  seconds: number;
  windows: number;
}

/** How a model was made: enough to repeat it and to judge it. */
export interface TrainingRecord {
  detector: DetectorKind | 'auto';
  seed: number;
  holdout: number;
  selection: SelectionEntry[];
  split: { train: number; heldOut: number; purged: number };
  /** expected false-alarm rate of the threshold on fresh normal windows, given how many were held out */
  expectedFpr: number;
  /** held-out normal scores: median, 99th percentile, max */
  heldOut: { median: number; p99: number; max: number };
  inputs: TrainingInput[];
  /** SHA-256 of the training files' bytes (fingerprintFiles), or of the samples when not from files */
  fingerprint: string;
  /** the TF.js backend, when a network was trained */
  backend: string;
  /** the command line that made the model, when made by one */
  command?: string;
}

/** A trained anomaly model: the features, the detector, its threshold and the health settings. */
export interface AnomalyModel {
  features: WindowFeaturesPlan;
  detector: Detector;
  /** alarm when score > threshold; health = smoothed score / threshold */
  threshold: number;
  /** false-alarm rate on normal windows the threshold was calibrated for */
  fpr: number;
  health: ResolvedHealthOptions;
  training: TrainingRecord;
}

/**
 * Streams a recording through a model: features per window, score, health index and state, and an
 * AlertEvent at every change of state. One scorer per machine (it holds filter, framing and health state).
 * @example
 * const scorer = new ModelScorer(model, 'pump-1');
 * for await (const chunk of chunks) for (const w of scorer.push(chunk).windows) console.log(w.time, w.score, w.state);
 */
export class ModelScorer {
  private readonly stream: FeatureStream;
  private readonly monitor: HealthMonitor;

  constructor(
    readonly model: AnomalyModel,
    readonly machine = 'machine',
  ) {
    this.stream = new FeatureStream(model.features);
    this.monitor = new HealthMonitor(machine, model.threshold, model.health);
  }

  /** Consumes a chunk at the model's rate and axes; returns the windows it completed and any alerts. */
  push(chunk: SampleChunk): { windows: WindowScore[]; alerts: AlertEvent[] } {
    return this.scoreRows(this.stream.push(chunk));
  }

  /** Scores feature rows already computed with the model's plan, in time order. */
  scoreRows(rows: readonly FeatureRow[]): { windows: WindowScore[]; alerts: AlertEvent[] } {
    const windows: WindowScore[] = [];
    const alerts: AlertEvent[] = [];
    if (rows.length === 0) return { windows, alerts };
    const detector = this.model.detector;
    const scores = detector.scoreMany(rows.map((r) => r.values));
    rows.forEach((row, i) => {
      const { window, alert } = this.monitor.update(row.time, scores[i]!, () => detector.explain(row.values, this.model.health.topFeatures));
      windows.push(window);
      if (alert) alerts.push(alert);
    });
    return { windows, alerts };
  }

  /** A fresh start: new signal, normal state. */
  reset(): void {
    this.stream.reset();
    this.monitor.reset();
  }
}
