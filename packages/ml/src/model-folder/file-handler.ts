import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { InputError } from '@sensorkit/dsp';

/*
 * Plain @tensorflow/tfjs has no file:// handler (only tfjs-node registers one), so the kit saves and
 * loads the standard TF.js Layers format itself: model.json (topology + weights manifest) and one
 * weights.bin, readable by tf.loadLayersModel('file://…') under tfjs-node and by the browser loader.
 */

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

/** An IOHandler whose save() writes model.json + weights.bin into `dir` (created if missing). */
export function fileSaveHandler(dir: string): tf.io.IOHandler {
  return tf.io.withSaveHandler(async (artifacts) => {
    if (artifacts.modelTopology instanceof ArrayBuffer) {
      throw new Error('saveModelFolder: binary (GraphDef) topologies are not supported; expected a Layers model');
    }
    const weights = new Uint8Array(artifacts.weightData ? tf.io.CompositeArrayBuffer.join(artifacts.weightData) : new ArrayBuffer(0));
    const json: tf.io.ModelJSON = {
      modelTopology: artifacts.modelTopology ?? {},
      format: artifacts.format ?? 'layers-model',
      generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
      convertedBy: artifacts.convertedBy ?? null,
      weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
      ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
      ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
    };
    await writeAtomic(join(dir, WEIGHTS_BIN), weights);
    await writeAtomic(join(dir, MODEL_JSON), `${JSON.stringify(json)}\n`);
    return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
  });
}

/** Reads model.json and its weight files from `dir` into memory and returns a loader for tf.loadLayersModel. */
export async function fileLoadHandler(dir: string): Promise<tf.io.IOHandler> {
  const where = join(dir, MODEL_JSON);
  let json: tf.io.ModelJSON;
  try {
    json = JSON.parse(await readFile(where, 'utf8')) as tf.io.ModelJSON;
  } catch (error) {
    throw new InputError('loadModelFolder', `${where}: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || !json.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw new InputError('loadModelFolder', `${where}: expected a TF.js Layers model.json with modelTopology and weightsManifest`);
  }
  const specs: tf.io.WeightsManifestEntry[] = [];
  const buffers: ArrayBuffer[] = [];
  for (const group of json.weightsManifest) {
    specs.push(...group.weights);
    for (const path of group.paths) {
      const bytes = await readFile(insideFolder(dir, path, where));
      buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    }
  }
  return tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: specs,
    weightData: tf.io.CompositeArrayBuffer.join(buffers),
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    ...(json.trainingConfig ? { trainingConfig: json.trainingConfig } : {}),
    ...(json.userDefinedMetadata ? { userDefinedMetadata: json.userDefinedMetadata } : {}),
  });
}

/** Resolves a relative file name inside `dir`, refusing absolute paths and `..` escapes. */
export function insideFolder(dir: string, name: string, where: string): string {
  const clean = normalize(name);
  if (name.length === 0 || isAbsolute(name) || clean === '..' || clean.startsWith(`..${sep}`)) {
    throw new InputError('model-folder', `${where}: file name ${JSON.stringify(name)} must stay inside the folder`);
  }
  return join(dir, clean);
}

/** Writes a file whole or not at all (temporary file + rename), so a crash never leaves half a model. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
