import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { InputError, ParameterError, rejectUnknownOptions, requireInteger, requireOneOf, requirePositive } from '@sensorkit/dsp';
import { writeCsv } from '../csv-writer.js';
import { writeWav } from '../wav-writer.js';
import { commitFile, writeFileAtomic } from './atomic-file.js';
import {
  DATASET_FORMAT,
  DATASET_FORMAT_VERSION,
  formatManifest,
  MANIFEST_FILE,
  parseManifest,
  SAMPLE_FILE_FORMATS,
  type DatasetEntry,
  type DatasetManifest,
  type SampleFileFormat,
} from './manifest.js';
import { requireLabel, sampleFilePath, sampleNumber } from './sample-files.js';

export interface DatasetWriterOptions {
  /** dataset name written in a new manifest; default the folder's name (an existing manifest keeps its own) */
  name?: string;
  /** clock for `created` and `recordedAt`; default the system clock (tests pin it) */
  now?: () => Date;
}

/** A captured sample to add to a dataset. */
export interface NewSample {
  label: string;
  /** interleaved readings, `samples[frame * channels + channel]` */
  samples: Float32Array;
  /** Hz (a whole number for WAV files) */
  sampleRate: number;
  channels: number;
  /** where it came from: 'serial:/dev/ttyACM0', 'mic:default', 'generator:sine:440' */
  source: string;
  /** one name per channel; default ch0, ch1, ... */
  axes?: readonly string[];
  /** one unit per channel, or one for all; default 'normalized' (audio in [-1, 1]) */
  units?: readonly string[] | string;
  /** file format; default 'wav' when every unit is 'normalized', else 'csv' */
  format?: SampleFileFormat;
  /** capture time; default now */
  recordedAt?: Date;
  /** the source's sample index of the first reading */
  startIndex?: number;
  /** problems the source reported while this sample was captured */
  gapSamples?: number;
  badLines?: number;
  droppedReadings?: number;
}

const BLOCK = 'dataset-writer';
const SAMPLE_KEYS = ['label', 'samples', 'sampleRate', 'channels', 'source', 'axes', 'units', 'format', 'recordedAt', 'startIndex', 'gapSamples', 'badLines', 'droppedReadings'];

/**
 * Adds samples to a dataset folder, crash-safe: each sample file is written to a hidden temporary
 * name, flushed and renamed into place before its manifest entry is added, and the manifest is
 * replaced atomically (temporary file, fsync, rename). A session killed at any point leaves a valid
 * dataset; at worst a finished file that the manifest does not list, whose number is then skipped.
 * Opening an existing dataset continues its numbering.
 * @example
 * const writer = await DatasetWriter.open('data/gestures');
 * const entry = await writer.add({ label: 'punch', samples, sampleRate: 100, channels: 3, axes: ['aX', 'aY', 'aZ'], units: 'g', source: 'serial:/dev/ttyACM0' });
 * entry.file; // 'punch/punch.1.csv'
 */
export class DatasetWriter {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    /** absolute path of the dataset folder */
    readonly dir: string,
    private current: DatasetManifest,
    private readonly now: () => Date,
  ) {}

  /** Opens (creating the folder and an empty manifest if needed) a dataset for appending. */
  static async open(dir: string, options: DatasetWriterOptions = {}): Promise<DatasetWriter> {
    rejectUnknownOptions(BLOCK, options, ['name', 'now']);
    if (options.name !== undefined && typeof options.name !== 'string') throw new ParameterError(BLOCK, 'name', options.name, 'a string');
    const now = options.now ?? ((): Date => new Date());
    const root = resolve(dir);
    await mkdir(root, { recursive: true });
    const path = join(root, MANIFEST_FILE);
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (text !== undefined) return new DatasetWriter(root, parseManifest(text, path), now);
    const manifest: DatasetManifest = { format: DATASET_FORMAT, version: DATASET_FORMAT_VERSION, name: options.name ?? basename(root), created: now().toISOString(), samples: [] };
    await writeFileAtomic(path, formatManifest(manifest));
    return new DatasetWriter(root, manifest, now);
  }

  /** The manifest as it is on disk now. */
  get manifest(): DatasetManifest {
    return this.current;
  }

  /** Samples per label in the dataset now. */
  labelCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const e of this.current.samples) counts[e.label] = (counts[e.label] ?? 0) + 1;
    return counts;
  }

  /**
   * Writes one sample file and then its manifest entry; resolves with the entry once both are on disk.
   * Calls are applied one at a time in call order; a failed call leaves the dataset as it was.
   */
  add(sample: NewSample): Promise<DatasetEntry> {
    let checked: CheckedSample;
    try {
      checked = checkSample(sample);
    } catch (err) {
      return Promise.reject(err);
    }
    const run = this.queue.then(() => this.write(checked));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(s: CheckedSample): Promise<DatasetEntry> {
    const labelDir = join(this.dir, s.label);
    await mkdir(labelDir, { recursive: true });
    const n = await this.nextNumber(s.label, labelDir);
    const file = sampleFilePath(s.label, n, s.format);
    const finalPath = join(this.dir, file);
    const temp = join(labelDir, `.${basename(file)}.partial`);
    try {
      // float32 WAV and shortest-round-trip CSV numbers both give back exactly the float32 readings.
      if (s.format === 'wav') await writeWav(temp, { sampleRate: s.sampleRate, channels: s.channels, samples: s.samples, format: 'float32' });
      else await writeCsv(temp, { columns: [...s.axes], rows: readings(s.samples, s.channels) });
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
    await commitFile(temp, finalPath);
    const frames = s.samples.length / s.channels;
    const entry: DatasetEntry = {
      file,
      label: s.label,
      sampleRate: s.sampleRate,
      channels: s.channels,
      axes: s.axes,
      units: s.units,
      source: s.source,
      recordedAt: (s.recordedAt ?? this.now()).toISOString(),
      frames,
      durationSeconds: frames / s.sampleRate,
      ...s.counters,
    };
    const next: DatasetManifest = { ...this.current, samples: [...this.current.samples, entry] };
    await writeFileAtomic(join(this.dir, MANIFEST_FILE), formatManifest(next));
    this.current = next;
    return entry;
  }

  /** One past the highest number in use for `label`, in the manifest or on disk (a file orphaned by a crash keeps its number). */
  private async nextNumber(label: string, labelDir: string): Promise<number> {
    let max = 0;
    for (const e of this.current.samples) max = Math.max(max, (e.label === label ? sampleNumber(e.file, label) : undefined) ?? 0);
    for (const name of await readdir(labelDir)) max = Math.max(max, sampleNumber(name, label) ?? 0);
    return max + 1;
  }
}

interface CheckedSample {
  label: string;
  samples: Float32Array;
  sampleRate: number;
  channels: number;
  source: string;
  axes: readonly string[];
  units: readonly string[];
  format: SampleFileFormat;
  recordedAt: Date | undefined;
  counters: { startIndex?: number; gapSamples?: number; badLines?: number; droppedReadings?: number };
}

function checkSample(sample: NewSample): CheckedSample {
  rejectUnknownOptions(BLOCK, sample, SAMPLE_KEYS);
  const label = requireLabel(BLOCK, sample.label);
  const sampleRate = requirePositive(BLOCK, 'sampleRate', sample.sampleRate);
  const channels = requireInteger(BLOCK, 'channels', sample.channels, 1, 0xffff);
  if (typeof sample.source !== 'string' || sample.source === '') throw new ParameterError(BLOCK, 'source', sample.source, "a non-empty string such as 'serial:/dev/ttyACM0'");
  const axes = sample.axes ? [...sample.axes] : Array.from({ length: channels }, (_, i) => `ch${i}`);
  if (axes.length !== channels || axes.some((a) => typeof a !== 'string' || a.trim() === '') || new Set(axes).size !== axes.length) {
    throw new ParameterError(BLOCK, 'axes', sample.axes, `${channels} distinct non-empty names, one per channel`);
  }
  const unitList = sample.units === undefined ? 'normalized' : sample.units;
  const units = typeof unitList === 'string' ? axes.map(() => unitList) : [...unitList];
  if (units.length !== channels || units.some((u) => typeof u !== 'string')) throw new ParameterError(BLOCK, 'units', sample.units, `one unit string, or ${channels}, one per channel`);
  const format = requireOneOf(BLOCK, 'format', sample.format ?? (units.every((u) => u === 'normalized') ? 'wav' : 'csv'), SAMPLE_FILE_FORMATS);
  if (format === 'wav') requireInteger(BLOCK, 'sampleRate', sampleRate, 1, 0xffffffff, 'Hz; WAV stores whole Hz: use format "csv" for other rates');
  const samples = sample.samples;
  if (!(samples instanceof Float32Array) || samples.length === 0 || samples.length % channels !== 0) {
    throw new InputError(BLOCK, `samples: expected a non-empty Float32Array of whole ${channels}-channel readings, got ${samples instanceof Float32Array ? `${samples.length} values` : typeof samples}`);
  }
  if (sample.recordedAt !== undefined && !(sample.recordedAt instanceof Date && !Number.isNaN(sample.recordedAt.getTime()))) {
    throw new ParameterError(BLOCK, 'recordedAt', sample.recordedAt, 'a valid Date');
  }
  const counters: CheckedSample['counters'] = {};
  for (const key of ['startIndex', 'gapSamples', 'badLines', 'droppedReadings'] as const) {
    if (sample[key] !== undefined) counters[key] = requireInteger(BLOCK, key, sample[key], 0);
  }
  return { label, samples, sampleRate, channels, source: sample.source, axes, units, format, recordedAt: sample.recordedAt, counters };
}

function* readings(samples: Float32Array, channels: number): Generator<number[]> {
  for (let i = 0; i < samples.length; i += channels) yield Array.from(samples.subarray(i, i + channels));
}
