import { InputError } from '@sensorkit/dsp';
import { currentBackend, loadModelFolder, renderModelCard, saveModelFolder, type Int8Report, type ModelMetadata, type TableRow } from '@sensorkit/ml';
import { GestureModel, type GestureModelConfig } from './gesture-model.js';

export const GESTURE_MODEL_KIND = 'gesture-classifier';
export const GESTURE_MODEL_VERSION = 1;

export interface SaveGestureModelOptions {
  /** what was trained on: fingerprint and file count at least */
  dataset: ModelMetadata['dataset'];
  training: unknown;
  /** the command that made the model (for the card) */
  command: string;
  /** measured numbers for the card, one row each */
  metrics?: readonly TableRow[];
  /** the command that measured them */
  metricsCommand?: string;
  /** machine-readable metrics kept in metadata.json */
  results?: unknown;
  summary?: string;
}

/**
 * Saves a gesture model folder: the network (model.json + weights.bin), metadata.json with the labels
 * and everything the preprocessing needs (window, trigger, resampled length, normalisation), and the
 * model card.
 * @example
 * await saveGestureModel('models/gesture', model, { dataset: { fingerprint, files: 7 }, training: {...}, command: 'sensorkit gesture train ...' });
 */
export async function saveGestureModel(dir: string, model: GestureModel, o: SaveGestureModelOptions): Promise<void> {
  const c = model.config;
  const metadata: ModelMetadata = {
    kind: GESTURE_MODEL_KIND,
    version: GESTURE_MODEL_VERSION,
    createdAt: new Date().toISOString(),
    backend: currentBackend()?.backend ?? 'unknown',
    dsp: { block: 'gesture-window', version: 1, options: c },
    labels: c.labels,
    training: o.training,
    dataset: o.dataset,
    ...(o.results === undefined ? {} : { metrics: o.results }),
  };
  // A function of the folder's int8 report: `eval --save` on a quantized model keeps the card's int8 section.
  const card = (int8: Int8Report | undefined): string => renderModelCard({
    ...(int8 ? { int8 } : {}),
    title: 'Gesture classifier',
    summary:
      o.summary ??
      `Classifies IMU gesture windows (${c.channels === 6 ? 'accelerometer + gyroscope' : 'accelerometer'}, ${c.sampleRate} Hz, ${c.window} s windows ` +
        `resampled to ${c.length} steps) into ${c.labels.join(', ')}${c.negativeLabel ? ` (${c.negativeLabel}: no gesture)` : ''}, with a small 1-D CNN ` +
        `(${model.network.countParams()} weights).`,
    metrics: o.metrics ?? [],
    command: o.metricsCommand ?? o.command,
    details: {
      Training: `\`\`\`sh\n${o.command}\n\`\`\``,
      Input: {
        'sample rate': `${c.sampleRate} Hz`,
        channels: c.channels === 6 ? 'aX, aY, aZ (g), gX, gY, gZ (deg/s)' : 'aX, aY, aZ (g)',
        window: `${c.window} s (${c.preTrigger} s before the trigger), resampled to ${c.length} steps`,
        trigger: `| |a| - gravity | >= ${c.threshold} g`,
      },
      Dataset: Object.fromEntries(Object.entries(o.dataset).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean)])),
    },
  });
  await saveModelFolder(dir, { model: model.network, metadata, card });
}

/** Loads a folder written by saveGestureModel; refuses other kinds of model folders by name. */
export async function loadGestureModel(dir: string): Promise<{ model: GestureModel; metadata: ModelMetadata }> {
  const { model: network, metadata } = await loadModelFolder(dir);
  if (metadata.kind !== GESTURE_MODEL_KIND) throw new InputError('loadGestureModel', `${dir} holds a ${metadata.kind} model; expected a ${GESTURE_MODEL_KIND} (made by sensorkit gesture train)`);
  if (metadata.version !== GESTURE_MODEL_VERSION) throw new InputError('loadGestureModel', `${dir}: gesture model version ${metadata.version}; this kit reads version ${GESTURE_MODEL_VERSION}`);
  if (!network) throw new InputError('loadGestureModel', `${dir} has no model.json`);
  const dsp = metadata.dsp as { options?: GestureModelConfig } | undefined;
  if (!dsp?.options || !Array.isArray(dsp.options.labels)) throw new InputError('loadGestureModel', `${dir}/metadata.json: field "dsp.options" is missing the window settings`);
  return { model: new GestureModel(network, dsp.options), metadata };
}
