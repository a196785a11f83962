import { fileURLToPath } from 'node:url';
import { InputError } from '@sensorkit/dsp';
import { loadModelFolder, saveModelFolder, tf, type ModelMetadata } from '@sensorkit/ml';
import { createKwsFrontEnd, type KwsFrontEnd, type KwsPresetName } from '../features/front-end.js';
import { checkNormalizer, type FeatureNormalizer } from '../features/normalizer.js';
import { checkListenOptions, type ListenOptions } from '../listen/posterior-smoother.js';

export const KWS_MODEL_KIND = 'keyword-spotter';
export const KWS_MODEL_VERSION = 1;

/** A loaded (or freshly trained) keyword model: network, front end, scaling, labels and listen defaults. */
export interface KwsModel {
  readonly model: tf.LayersModel;
  readonly frontEnd: KwsFrontEnd;
  readonly normalizer: FeatureNormalizer;
  /** class names in output order: targets, then _unknown_ and _silence_ */
  readonly labels: readonly string[];
  /** streaming defaults calibrated at training time (threshold etc.) */
  readonly listen: ListenOptions;
}

/** What metadata.json holds beyond the common fields. */
interface KwsExtras {
  features: { preset: KwsPresetName; normalizer: FeatureNormalizer };
  listen: ListenOptions;
}

/** Saves a keyword model folder (model.json + weights.bin, metadata.json with the DSP plans, README.md card). */
export async function saveKwsModel(
  dir: string,
  kws: KwsModel,
  extra: { training: unknown; dataset: ModelMetadata['dataset']; metrics?: unknown; card?: string; createdAt?: string },
): Promise<void> {
  const metadata: ModelMetadata & KwsExtras = {
    kind: KWS_MODEL_KIND,
    version: KWS_MODEL_VERSION,
    createdAt: extra.createdAt ?? new Date().toISOString(),
    backend: tf.getBackend(),
    dsp: kws.frontEnd.descriptions,
    labels: [...kws.labels],
    thresholds: { detection: kws.listen.threshold ?? 0.7 },
    features: { preset: kws.frontEnd.preset, normalizer: kws.normalizer },
    listen: kws.listen,
    training: extra.training,
    dataset: extra.dataset,
    ...(extra.metrics === undefined ? {} : { metrics: extra.metrics }),
  };
  await saveModelFolder(dir, { model: kws.model, metadata, ...(extra.card === undefined ? {} : { card: extra.card }) });
}

/**
 * Loads a keyword model folder and rebuilds its front end; refuses a folder of another kind, or one whose
 * DSP plans differ from what this kit computes (features would not be the ones it was trained on).
 * @example
 * const kws = await loadKwsModel('models/kws-commands');
 */
export async function loadKwsModel(dir: string): Promise<KwsModel & { metadata: ModelMetadata; dir: string }> {
  const { model, metadata } = await loadModelFolder(dir);
  const where = `${dir}/metadata.json`;
  if (metadata.kind !== KWS_MODEL_KIND) throw new InputError('loadKwsModel', `${where}: kind "${metadata.kind}"; expected "${KWS_MODEL_KIND}"`);
  if (metadata.version !== KWS_MODEL_VERSION) throw new InputError('loadKwsModel', `${where}: version ${metadata.version}; this kit reads version ${KWS_MODEL_VERSION}`);
  if (!model) throw new InputError('loadKwsModel', `${dir}: no model.json; a keyword model folder holds its network`);
  const extras = metadata as ModelMetadata & Partial<KwsExtras>;
  const frontEnd = createKwsFrontEnd(String(extras.features?.preset));
  if (JSON.stringify(frontEnd.descriptions) !== JSON.stringify(metadata.dsp)) {
    throw new InputError('loadKwsModel', `${where}: the DSP plans ${JSON.stringify(metadata.dsp)} differ from this kit's ${frontEnd.preset} (${JSON.stringify(frontEnd.descriptions)}); retrain the model`);
  }
  const labels = metadata.labels ?? [];
  const outputs = model.outputs[0]?.shape[1];
  if (labels.length !== outputs) throw new InputError('loadKwsModel', `${where}: ${labels.length} labels for a network with ${String(outputs)} outputs`);
  return {
    model, frontEnd, labels, metadata, dir,
    normalizer: checkNormalizer(extras.features?.normalizer, frontEnd.width, where),
    listen: checkListenOptions(extras.listen ?? {}),
  };
}

/**
 * Class scores (softmax) of `count` windows of normalised features (frame-major, count x frames x width):
 * count x classes values, row by row.
 */
export function scoreWindows(kws: Pick<KwsModel, 'model' | 'frontEnd'>, features: Float32Array, count: number): Float32Array {
  const { frames, width } = kws.frontEnd;
  return tf.tidy(() => (kws.model.predict(tf.tensor3d(features, [count, frames, width])) as tf.Tensor).dataSync() as Float32Array);
}

/** The shipped 12-class command model, used when a command is given no --model. */
export const DEFAULT_KWS_MODEL_DIR = fileURLToPath(new URL('../../../../models/kws-commands', import.meta.url));
