import { InputError } from '@sensorkit/dsp';

/** What a model folder says about its model: enough to rebuild the DSP, trust the numbers and refuse a mismatch. */
export interface ModelMetadata {
  /** what the model does, e.g. 'anomaly-detector', 'keyword-spotter' */
  kind: string;
  /** the format version of this kind of model; bump when loading code must change */
  version: number;
  /** ISO 8601 time the model was made */
  createdAt: string;
  /** the TF.js backend it was trained on ('tensorflow', 'wasm', 'cpu') */
  backend: string;
  /** the versioned DSP plan descriptions that make its input features */
  dsp: unknown;
  /** class names in output order, for classifiers */
  labels?: string[];
  /** calibrated decision thresholds by name */
  thresholds?: Record<string, number>;
  /** the training configuration */
  training: unknown;
  dataset: { fingerprint: string; files?: number; [key: string]: unknown };
  metrics?: unknown;
  [key: string]: unknown;
}

/** Checks that parsed JSON has the fields every model folder promises; names the file and the field otherwise. */
export function checkMetadata(value: unknown, where: string): ModelMetadata {
  const fail = (message: string): never => {
    throw new InputError('loadModelFolder', `${where}: ${message}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('expected a JSON object');
  const record = value as Record<string, unknown>;
  const expect = (key: string, type: 'string' | 'number'): void => {
    if (typeof record[key] !== type) fail(`field "${key}" is ${JSON.stringify(record[key]) ?? 'missing'}; expected a ${type}`);
  };
  expect('kind', 'string');
  expect('version', 'number');
  expect('createdAt', 'string');
  expect('backend', 'string');
  const dataset = record.dataset as Record<string, unknown> | undefined;
  if (typeof dataset !== 'object' || dataset === null || typeof dataset.fingerprint !== 'string') {
    fail('field "dataset.fingerprint" is missing; expected the SHA-256 of the training data (fingerprintFiles)');
  }
  if (record.labels !== undefined && !(Array.isArray(record.labels) && record.labels.every((l) => typeof l === 'string'))) {
    fail('field "labels" must be an array of strings');
  }
  if (record.thresholds !== undefined) {
    const t = record.thresholds;
    if (typeof t !== 'object' || t === null || Object.values(t).some((v) => typeof v !== 'number')) {
      fail('field "thresholds" must map names to numbers');
    }
  }
  return record as ModelMetadata;
}
