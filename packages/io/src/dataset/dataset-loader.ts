import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { rejectUnknownOptions, requireBoolean } from '@sensorkit/dsp';
import { readCsv, readCsvInfo } from '../csv-reader.js';
import { FormatError } from '../errors.js';
import { readWavHeader } from '../wav-header.js';
import { readWav } from '../wav-reader.js';
import { MANIFEST_FILE, parseManifest, sampleFileFormat, type DatasetEntry, type SampleFileFormat } from './manifest.js';

/** A manifest entry with where its file is on this machine. */
export interface LoadedDatasetEntry extends DatasetEntry {
  /** absolute path of the sample file */
  readonly path: string;
  readonly format: SampleFileFormat;
}

/** A dataset read from its folder: what a trainer iterates over. */
export interface Dataset {
  /** absolute path of the dataset folder */
  readonly dir: string;
  readonly name: string;
  /** ISO 8601 */
  readonly created: string;
  /** manifest format version */
  readonly version: number;
  /** every sample, in recording order */
  readonly entries: readonly LoadedDatasetEntry[];
  /** distinct labels, sorted */
  readonly labels: readonly string[];
  /** the interleaved readings of one entry (same as the exported readSample) */
  readSample(entry: LoadedDatasetEntry): Promise<Float32Array>;
}

export interface LoadDatasetOptions {
  /** check that every file exists with the manifest's rate and channels (and, for WAV, length); default true */
  checkFiles?: boolean;
}

const BLOCK = 'dataset-loader';

/**
 * Reads a dataset folder's manifest.json, validates it and (by default) checks each sample file
 * against it, so a training run fails at once with the file and field at fault instead of halfway.
 * @example
 * const data = await loadDataset('data/gestures');
 * for (const entry of data.entries) {
 *   const x = await data.readSample(entry); // Float32Array, x[frame * entry.channels + axis]
 *   train(x, entry.label, entry.sampleRate);
 * }
 */
export async function loadDataset(dir: string, options: LoadDatasetOptions = {}): Promise<Dataset> {
  rejectUnknownOptions(BLOCK, options, ['checkFiles']);
  const checkFiles = requireBoolean(BLOCK, 'checkFiles', options.checkFiles ?? true);
  const root = resolve(dir);
  const manifestPath = join(root, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FormatError(manifestPath, `no such file: ${root} is not a sensorkit dataset (record one with \`sensorkit record\`)`);
    throw err;
  }
  const manifest = parseManifest(text, manifestPath);
  const entries = manifest.samples.map((e): LoadedDatasetEntry => ({ ...e, path: join(root, ...e.file.split('/')), format: sampleFileFormat(e.file)! }));
  if (checkFiles) {
    for (const [i, entry] of entries.entries()) await checkFile(entry, i, manifestPath);
  }
  const labels = [...new Set(entries.map((e) => e.label))].sort();
  return { dir: root, name: manifest.name, created: manifest.created, version: manifest.version, entries, labels, readSample };
}

/**
 * Reads one sample's readings as interleaved float32 (`samples[frame * channels + axis]`), checking that
 * the file still matches its manifest entry (rate, channels, frame count).
 * @example
 * const x = await readSample(dataset.entries[0]); // x.length === entry.frames * entry.channels
 */
export async function readSample(entry: LoadedDatasetEntry): Promise<Float32Array> {
  let samples: Float32Array;
  if (entry.format === 'wav') {
    const wav = await readWav(entry.path, { strict: true });
    expectMatch(entry, 'sample rate', wav.sampleRate, entry.sampleRate, ' Hz');
    expectMatch(entry, 'channel count', wav.channels, entry.channels);
    samples = wav.samples;
  } else {
    const csv = await readCsv(entry.path, csvOptions(entry));
    samples = concat(csv.segments.map((s) => s.samples));
  }
  expectMatch(entry, 'reading count', samples.length / entry.channels, entry.frames);
  return samples;
}

async function checkFile(entry: LoadedDatasetEntry, i: number, manifestPath: string): Promise<void> {
  try {
    if (entry.format === 'wav') {
      const header = await readWavHeader(entry.path, { strict: true });
      expectMatch(entry, 'sample rate', header.sampleRate, entry.sampleRate, ' Hz');
      expectMatch(entry, 'channel count', header.channels, entry.channels);
      expectMatch(entry, 'reading count', header.frames, entry.frames);
    } else {
      await readCsvInfo(entry.path, csvOptions(entry));
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new FormatError(manifestPath, `samples[${i}]: file "${entry.file}" is missing (looked for ${entry.path})`);
    }
    throw err;
  }
}

function csvOptions(entry: LoadedDatasetEntry): { columns: string[]; sampleRate: number; labelColumn: null; timeColumn: null } {
  // Names from the manifest, not guessed: an axis called "time" or "label" is still an axis here.
  return { columns: [...entry.axes], sampleRate: entry.sampleRate, labelColumn: null, timeColumn: null };
}

function expectMatch(entry: LoadedDatasetEntry, what: string, actual: number, expected: number, unit = ''): void {
  if (actual !== expected) throw new FormatError(entry.path, `${what} ${actual}${unit}; the dataset manifest says ${expected}${unit} for "${entry.file}"`);
}

function concat(parts: readonly Float32Array[]): Float32Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
