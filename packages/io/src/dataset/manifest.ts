import { FormatError } from '../errors.js';

/*
 * The dataset manifest: one JSON file that lists every sample of a recorded dataset with what a
 * trainer needs to read it (file, label, rate, channels, axes, units) and where it came from. Pure:
 * parsing and validation from text, formatting to text; the writer and loader do the file I/O.
 */

/** Written in every manifest's `format` field, so a stray JSON file is never taken for a dataset. */
export const DATASET_FORMAT = 'sensorkit-dataset';
/** The manifest layout version this code writes and reads. Bump when the layout changes. */
export const DATASET_FORMAT_VERSION = 1;
/** File name of the manifest inside a dataset folder. */
export const MANIFEST_FILE = 'manifest.json';

export const SAMPLE_FILE_FORMATS = ['wav', 'csv'] as const;
/** How a sample is stored: float32 WAV (audio) or Arduino-style CSV (sensor axes, one reading per line). */
export type SampleFileFormat = (typeof SAMPLE_FILE_FORMATS)[number];

/** One recorded sample: a file holding `frames` readings of `channels` axes at `sampleRate` Hz. */
export interface DatasetEntry {
  /** path relative to the dataset folder, with '/' separators: `<label>/<label>.<n>.wav|csv` */
  readonly file: string;
  readonly label: string;
  /** Hz */
  readonly sampleRate: number;
  readonly channels: number;
  /** one name per channel, in channel order (the CSV header) */
  readonly axes: readonly string[];
  /** one unit per channel: 'g', 'deg/s', 'normalized' (audio in [-1, 1]) ... */
  readonly units: readonly string[];
  /** where the signal came from: 'serial:/dev/ttyACM0', 'mic:default', 'generator:sine:440', 'file:x.wav' */
  readonly source: string;
  /** ISO 8601 time at which the sample was captured */
  readonly recordedAt: string;
  /** readings (per-channel samples) in the file */
  readonly frames: number;
  /** frames / sampleRate, in seconds */
  readonly durationSeconds: number;
  /** the source's sample index of the first reading (its own clock, not the wall clock) */
  readonly startIndex?: number;
  /** samples (per channel) the source lost during this sample (disconnects, overruns, index jumps) */
  readonly gapSamples?: number;
  /** lines the source could not parse during this sample */
  readonly badLines?: number;
  /** readings the source dropped because the consumer was slow, during this sample */
  readonly droppedReadings?: number;
}

/** The whole manifest.json. */
export interface DatasetManifest {
  readonly format: typeof DATASET_FORMAT;
  readonly version: number;
  readonly name: string;
  /** ISO 8601 time the dataset was created */
  readonly created: string;
  readonly samples: readonly DatasetEntry[];
}

/** The format of a sample file, from its extension. */
export function sampleFileFormat(file: string): SampleFileFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
  return (SAMPLE_FILE_FORMATS as readonly string[]).includes(ext ?? '') ? (ext as SampleFileFormat) : undefined;
}

/** Manifest text as written: 2-space JSON with a final newline, so diffs of a dataset stay readable. */
export function formatManifest(manifest: DatasetManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Parses and validates manifest text; `path` names the file in errors. Every problem is a FormatError
 * saying which field of which sample is wrong and what was expected.
 * @example
 * const manifest = parseManifest(await readFile('data/manifest.json', 'utf8'), 'data/manifest.json');
 */
export function parseManifest(text: string, path: string): DatasetManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new FormatError(path, `malformed JSON: ${message}`, line === undefined ? {} : { line });
  }
  const fail = (problem: string): never => {
    throw new FormatError(path, problem);
  };
  if (!isRecord(json)) return fail(`expected a JSON object, found ${describeJson(json)}`);
  if (json.format !== DATASET_FORMAT) return fail(`format = ${JSON.stringify(json.format)}; expected "${DATASET_FORMAT}" (is this a sensorkit dataset manifest?)`);
  const version = json.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail(`version = ${JSON.stringify(version)}; expected an integer >= 1`);
  if (version > DATASET_FORMAT_VERSION) {
    return fail(`unknown format version ${version}; this sensorkit reads dataset versions up to ${DATASET_FORMAT_VERSION} (upgrade sensorkit)`);
  }
  if (typeof json.name !== 'string') return fail(`name = ${describeJson(json.name)}; expected a string`);
  if (typeof json.created !== 'string' || Number.isNaN(Date.parse(json.created))) return fail(`created = ${describeJson(json.created)}; expected an ISO 8601 time`);
  if (!Array.isArray(json.samples)) return fail(`samples = ${describeJson(json.samples)}; expected an array`);
  const seen = new Set<string>();
  const samples = json.samples.map((raw: unknown, i: number) => {
    const entry = parseEntry(raw, (problem) => fail(`samples[${i}]: ${problem}`));
    if (seen.has(entry.file)) fail(`samples[${i}]: file "${entry.file}" is listed twice`);
    seen.add(entry.file);
    return entry;
  });
  return { format: DATASET_FORMAT, version, name: json.name, created: json.created, samples };
}

function parseEntry(raw: unknown, fail: (problem: string) => never): DatasetEntry {
  if (!isRecord(raw)) return fail(`expected an object, found ${describeJson(raw)}`);
  const text = (key: string): string => {
    const v = raw[key];
    return typeof v === 'string' && v.length > 0 ? v : fail(`${key} = ${describeJson(v)}; expected a non-empty string`);
  };
  const count = (key: string, min: number, optional = false): number | undefined => {
    const v = raw[key];
    if (optional && v === undefined) return undefined;
    return typeof v === 'number' && Number.isInteger(v) && v >= min ? v : fail(`${key} = ${describeJson(v)}; expected an integer >= ${min}`);
  };
  const file = text('file');
  const problem = relativeFileProblem(file);
  if (problem) fail(`file "${file}" ${problem}`);
  if (!sampleFileFormat(file)) fail(`file "${file}" has an unknown extension; expected .wav or .csv`);
  const label = text('label');
  const sampleRate = raw.sampleRate;
  if (typeof sampleRate !== 'number' || !Number.isFinite(sampleRate) || sampleRate <= 0) fail(`sampleRate = ${describeJson(sampleRate)}; expected a number of Hz > 0`);
  const channels = count('channels', 1)!;
  const names = (key: string): string[] => {
    const v = raw[key];
    if (!Array.isArray(v) || v.length !== channels || !v.every((s) => typeof s === 'string')) {
      return fail(`${key} = ${describeJson(v)}; expected ${channels} strings, one per channel`);
    }
    return v as string[];
  };
  const axes = names('axes');
  const units = names('units');
  const source = text('source');
  const recordedAt = text('recordedAt');
  if (Number.isNaN(Date.parse(recordedAt))) fail(`recordedAt = "${recordedAt}"; expected an ISO 8601 time`);
  const frames = count('frames', 1)!;
  const durationSeconds = raw.durationSeconds;
  const expected = frames / (sampleRate as number);
  if (typeof durationSeconds !== 'number' || Math.abs(durationSeconds - expected) > 1e-6 * Math.max(1, expected)) {
    fail(`durationSeconds = ${describeJson(durationSeconds)}; expected frames / sampleRate = ${expected}`);
  }
  const optional = {
    startIndex: count('startIndex', 0, true),
    gapSamples: count('gapSamples', 0, true),
    badLines: count('badLines', 0, true),
    droppedReadings: count('droppedReadings', 0, true),
  };
  const entry: DatasetEntry = { file, label, sampleRate: sampleRate as number, channels, axes, units, source, recordedAt, frames, durationSeconds: durationSeconds as number };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(entry, { [key]: value });
  return entry;
}

/** Why a manifest path would escape the dataset folder or be unportable; undefined when it is fine. */
export function relativeFileProblem(file: string): string | undefined {
  if (file.startsWith('/') || /^[a-z]:/i.test(file)) return 'is absolute; expected a path relative to the dataset folder';
  if (file.includes('\\')) return "contains '\\'; expected '/' separators";
  if (file.split('/').some((part) => part === '..' || part === '.' || part === '')) return "has an empty, '.' or '..' part; expected a plain relative path";
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJson(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
