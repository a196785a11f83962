import { createHash } from 'node:crypto';
import { access, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { InputError } from '@sensorkit/dsp';
import { fileLoadHandler, fileSaveHandler, insideFolder, MODEL_JSON, WEIGHTS_BIN, writeAtomic } from './file-handler.js';
import { checkMetadata, type ModelMetadata } from './metadata.js';
import { INT8_DIR } from '../quantize/int8-model-file.js';
import { loadInt8Report, type Int8Report } from '../quantize/int8-report.js';

export const METADATA_JSON = 'metadata.json';
export const CARD_MD = 'README.md';
const RESERVED = [MODEL_JSON, WEIGHTS_BIN, METADATA_JSON, CARD_MD];

export interface ModelFolderContents {
  /** the TF.js model (absent for detectors with no network, e.g. a Gaussian model kept in extraFiles) */
  model?: tf.LayersModel;
  metadata: ModelMetadata;
  /**
   * the model card, README.md (renderModelCard); as a function it is given the folder's int8 report
   * when that is still valid for the model saved (so re-saving a card keeps its int8 section)
   */
  card?: string | ((int8: Int8Report | undefined) => string);
  /** more text files by relative name, e.g. { 'normalizer.json': ... } */
  extraFiles?: Record<string, string>;
}

/**
 * Saves a model folder: model.json + weights.bin (TF.js Layers format), metadata.json, README.md (the
 * card) and any extra files. Each file is written whole or not at all. When the saved model differs from
 * the one the folder held (network or extra files), the folder's int8/ is removed: a quantized model of
 * other weights must never be exported by mistake. Saving the same model again (new metrics, a new card)
 * keeps it.
 * @example
 * await saveModelFolder('models/anomaly', { model, metadata, card: renderModelCard({ ... }) });
 */
export async function saveModelFolder(dir: string, contents: ModelFolderContents): Promise<void> {
  checkMetadata(JSON.parse(JSON.stringify(contents.metadata)) as unknown, 'metadata');
  const extras = Object.entries(contents.extraFiles ?? {});
  for (const [name] of extras) {
    if (RESERVED.includes(name)) throw new InputError('saveModelFolder', `extra file ${JSON.stringify(name)} would overwrite the folder's own ${name}`);
    insideFolder(dir, name, 'extraFiles');
  }
  const names = [MODEL_JSON, WEIGHTS_BIN, ...extras.map(([name]) => name)];
  const before = await contentHash(dir, names);
  if (contents.model) await contents.model.save(fileSaveHandler(dir));
  else await Promise.all([MODEL_JSON, WEIGHTS_BIN].map((name) => rm(join(dir, name), { force: true }))); // no stale network left behind
  for (const [name, text] of extras) await writeAtomic(insideFolder(dir, name, 'extraFiles'), text);
  const same = before !== undefined && before === (await contentHash(dir, names));
  if (!same) await rm(join(dir, INT8_DIR), { recursive: true, force: true });
  const card = typeof contents.card === 'function' ? contents.card(same ? await loadInt8Report(dir) : undefined) : contents.card;
  if (card !== undefined) await writeAtomic(join(dir, CARD_MD), card);
  // Metadata last: a folder with metadata.json is a complete folder.
  await writeAtomic(join(dir, METADATA_JSON), `${JSON.stringify(contents.metadata, null, 2)}\n`);
}

/** SHA-256 over the named files that exist (name and bytes), or undefined when none does. */
async function contentHash(dir: string, names: readonly string[]): Promise<string | undefined> {
  const hash = createHash('sha256');
  let found = false;
  for (const name of names) {
    const bytes = await readFile(join(dir, name)).catch(() => undefined);
    if (!bytes) continue;
    found = true;
    hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  }
  return found ? hash.digest('hex') : undefined;
}

export interface LoadedModelFolder {
  model?: tf.LayersModel;
  metadata: ModelMetadata;
  dir: string;
}

/**
 * Loads a model folder written by saveModelFolder: its metadata (checked) and, if it has model.json, the
 * model. Extra files are read by the caller with readModelFile.
 * @example
 * const { model, metadata } = await loadModelFolder('models/anomaly');
 */
export async function loadModelFolder(dir: string): Promise<LoadedModelFolder> {
  const where = join(dir, METADATA_JSON);
  let text: string;
  try {
    text = await readFile(where, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError('loadModelFolder', code === 'ENOENT' ? `${where} not found; is ${dir} a model folder?` : `${where}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError('loadModelFolder', `${where}: ${(error as Error).message}`);
  }
  const metadata = checkMetadata(parsed, where);
  if (!(await exists(join(dir, MODEL_JSON)))) return { metadata, dir };
  const model = await tf.loadLayersModel(await fileLoadHandler(dir));
  return { model, metadata, dir };
}

/** Reads one extra text file of a model folder by its relative name. */
export async function readModelFile(dir: string, name: string): Promise<string> {
  const path = insideFolder(dir, name, dir);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError('readModelFile', `${path}: ${(error as Error).message}`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
