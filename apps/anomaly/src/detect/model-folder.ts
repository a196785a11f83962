import { InputError } from '@sensorkit/dsp';
import { currentBackend, initBackend, loadModelFolder, readModelFile, saveModelFolder, type ModelMetadata } from '@sensorkit/ml';
import { AutoencoderDetector } from './autoencoder.js';
import type { DetectorJSON } from './detector.js';
import { detectorFromJSON } from './detector-factory.js';
import type { ResolvedFeatureOptions } from './feature-options.js';
import { createWindowFeaturesPlan, FEATURES_VERSION } from './feature-plan.js';
import { resolveHealthOptions } from './health.js';
import { anomalyModelCard, type CardEvaluation } from './model-card.js';
import type { AnomalyModel, TrainingRecord } from './model.js';

export const MODEL_KIND = 'anomaly-detector';
export const MODEL_FORMAT_VERSION = 1;
const DETECTOR_FILE = 'detector.json';

/**
 * Saves a model folder: metadata.json (feature plans, threshold, health settings, training record,
 * data fingerprint, metrics), detector.json (the detector's parameters), the autoencoder network as a
 * TF.js model (model.json + weights.bin), and README.md, the model card.
 * @example
 * await saveAnomalyModel('models/pump', model);
 */
export async function saveAnomalyModel(dir: string, model: AnomalyModel, evaluation?: CardEvaluation & { metrics?: unknown }): Promise<void> {
  const metadata: ModelMetadata = {
    kind: MODEL_KIND,
    version: MODEL_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    backend: model.training.backend,
    dsp: { features: model.features.description, plans: model.features.plans },
    thresholds: { score: model.threshold },
    training: model.training,
    dataset: { fingerprint: model.training.fingerprint, files: model.training.inputs.length },
    metrics: { heldOut: model.training.heldOut, selection: model.training.selection, ...(evaluation?.metrics ? { evaluation: evaluation.metrics } : {}) },
    detector: model.detector.kind,
    fpr: model.fpr,
    health: model.health,
  };
  await saveModelFolder(dir, {
    ...(model.detector instanceof AutoencoderDetector ? { model: model.detector.network } : {}),
    metadata,
    card: (int8) => anomalyModelCard(model, evaluation, int8),
    extraFiles: { [DETECTOR_FILE]: `${JSON.stringify(model.detector.toJSON())}\n` },
  });
}

/**
 * Loads a model folder written by saveAnomalyModel; the features are rebuilt from the saved options
 * and must reproduce the saved DSP plan descriptions exactly, or the load is refused.
 * @example
 * const model = await loadAnomalyModel('models/pump');
 */
export async function loadAnomalyModel(dir: string): Promise<AnomalyModel> {
  // The network, if any, must load into the backend the kit chose, not TF.js's default.
  await initBackend();
  const { model: network, metadata } = await loadModelFolder(dir);
  const fail = (message: string): never => {
    throw new InputError('loadAnomalyModel', `${dir}: ${message}`);
  };
  if (metadata.kind !== MODEL_KIND) fail(`a "${metadata.kind}" model; expected "${MODEL_KIND}"`);
  if (metadata.version !== MODEL_FORMAT_VERSION) fail(`model format version ${metadata.version}; this kit reads ${MODEL_FORMAT_VERSION}`);
  const dsp = metadata.dsp as { features?: { version?: number; options?: ResolvedFeatureOptions }; plans?: unknown } | undefined;
  if (!dsp?.features?.options) return fail('metadata.json has no dsp.features: not an anomaly model folder');
  if (dsp.features.version !== FEATURES_VERSION) fail(`features version ${dsp.features.version}; this kit computes version ${FEATURES_VERSION}`);
  const features = createWindowFeaturesPlan(dsp.features.options);
  if (JSON.stringify(features.plans) !== JSON.stringify(dsp.plans)) {
    fail('the saved DSP plans differ from the ones this kit builds from the same options (a DSP block changed): retrain the model');
  }
  const detectorJson = JSON.parse(await readModelFile(dir, DETECTOR_FILE)) as DetectorJSON;
  if (JSON.stringify(detectorJson.standardizer?.names) !== JSON.stringify(features.names)) {
    fail(`${DETECTOR_FILE} was trained on other features than metadata.json describes`);
  }
  const threshold = metadata.thresholds?.score;
  if (typeof threshold !== 'number' || !(threshold > 0)) return fail('metadata.json has no positive thresholds.score');
  return {
    features,
    detector: detectorFromJSON(detectorJson, network),
    threshold,
    fpr: metadata.fpr as number,
    health: resolveHealthOptions(metadata.health as object),
    training: metadata.training as TrainingRecord,
  };
}

/** The backend name to record in a model: the one TF.js runs on, or 'none' when no network was trained. */
export function backendName(): string {
  return currentBackend()?.backend ?? 'none';
}
