import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { InputError, ParameterError, requireOneOf } from '@sensorkit/dsp';
import { FormatError, loadDataset, readCsv } from '@sensorkit/io';
import { GESTURE_SET_FORMAT, MANIFEST_FILE, type GestureSetManifest } from '../generator/write-gesture-set.js';
import { ACCEL_UNITS, GYRO_UNITS, imuColumns, toModelUnits, type AccelUnit, type GyroUnit } from './imu-columns.js';

/** One labelled stretch of IMU readings: a captured gesture, or a run of one label in a continuous log. */
export interface LabelledSegment {
  readonly label: string;
  /** interleaved aX,aY,aZ (g)[, gX,gY,gZ (deg/s)] */
  readonly samples: Float32Array;
  /** the file it came from, and its first line where known */
  readonly file: string;
  readonly line: number | undefined;
  /** who or what it belongs to, for grouped cross-validation: the person (generated sets) or the file */
  readonly group: string;
}

export interface GestureData {
  readonly sampleRate: number;
  /** 3 (accelerometer) or 6 (accelerometer + gyroscope) */
  readonly channels: number;
  readonly segments: LabelledSegment[];
  /** distinct labels, sorted */
  readonly labels: string[];
  readonly files: string[];
}

export interface LoadGestureDataOptions {
  /** Hz, for CSV files with no timestamp column and no manifest (Arduino captures: 119) */
  rate?: number;
  accelUnit?: AccelUnit;
  gyroUnit?: GyroUnit;
}

/**
 * Reads IMU recordings from files and folders: Arduino captures (`<label>.csv`, header aX,aY,aZ[,gX,gY,gZ],
 * gestures separated by blank lines, the label from the file name), continuous logs with a label column
 * (each run of one label is a segment), a folder of either (with the generator's manifest.json, whose
 * rate and persons are used), or a `sensorkit record` dataset folder. Units are converted to g and deg/s.
 * @example
 * const data = await loadGestureData(['/data/punch.csv', '/data/flex.csv'], { rate: 119 });
 * data.labels; // ['flex', 'punch']
 */
export async function loadGestureData(paths: readonly string[], options: LoadGestureDataOptions = {}): Promise<GestureData> {
  if (paths.length === 0) throw new ParameterError('gesture-data', 'data', paths, 'at least one file or folder');
  const accelUnit = requireOneOf('gesture-data', 'accelUnit', options.accelUnit ?? 'g', ACCEL_UNITS);
  const gyroUnit = requireOneOf('gesture-data', 'gyroUnit', options.gyroUnit ?? 'deg/s', GYRO_UNITS);
  const parts: Part[] = [];
  for (const path of paths) parts.push(...(await readPath(path, options.rate)));
  const sampleRate = parts[0]!.sampleRate;
  const channels = parts[0]!.channels;
  for (const p of parts) {
    if (p.sampleRate !== sampleRate) throw new InputError('gesture-data', `${p.file} is at ${p.sampleRate} Hz and ${parts[0]!.file} at ${sampleRate} Hz; expected one rate for all the data`);
    if (p.channels !== channels) throw new InputError('gesture-data', `${p.file} has ${p.channels} IMU axes and ${parts[0]!.file} ${channels}; expected the same axes in all the data`);
  }
  const segments = parts.flatMap((p) => p.segments);
  for (const s of segments) toModelUnits(s.samples, channels, accelUnit, gyroUnit);
  if (segments.length === 0) throw new InputError('gesture-data', `no gestures in ${paths.join(', ')}`);
  return { sampleRate, channels, segments, labels: [...new Set(segments.map((s) => s.label))].sort(), files: [...new Set(parts.map((p) => p.file))] };
}

interface Part {
  file: string;
  sampleRate: number;
  channels: number;
  segments: LabelledSegment[];
}

async function readPath(path: string, rate: number | undefined): Promise<Part[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError('gesture-data', `${path}: no such file or folder`);
  }
  if (!info.isDirectory()) return [await readCsvFile(path, rate, undefined, undefined)];
  const manifestPath = join(path, MANIFEST_FILE);
  const manifest = await readFile(manifestPath, 'utf8').then((t) => JSON.parse(t) as { format?: string }, () => undefined);
  if (manifest?.format === GESTURE_SET_FORMAT) {
    const set = manifest as GestureSetManifest;
    return Promise.all(set.files.map((f) => readCsvFile(join(path, f.file), rate ?? set.sampleRate, f.label, f.persons)));
  }
  if (manifest?.format === 'sensorkit-dataset') return [await readDataset(path)];
  if (manifest) throw new FormatError(manifestPath, `format ${JSON.stringify(manifest.format)}; expected ${GESTURE_SET_FORMAT} or sensorkit-dataset`);
  const csvs = (await readdir(path)).filter((f) => extname(f).toLowerCase() === '.csv').sort();
  if (csvs.length === 0) throw new InputError('gesture-data', `${path} has no .csv files and no manifest.json`);
  return Promise.all(csvs.map((f) => readCsvFile(join(path, f), rate, undefined, undefined)));
}

async function readCsvFile(file: string, rate: number | undefined, label: string | undefined, persons: readonly number[] | undefined): Promise<Part> {
  const csv = await readCsv(file, rate === undefined ? {} : { sampleRate: rate });
  const pick = imuColumns(file, csv.columns);
  const width = csv.channels;
  const fromName = label ?? basename(file, extname(file));
  const segments = csv.segments.map((s, i): LabelledSegment => {
    const frames = s.samples.length / width;
    const samples = new Float32Array(frames * pick.length);
    for (let n = 0; n < frames; n++) for (let c = 0; c < pick.length; c++) samples[n * pick.length + c] = s.samples[n * width + pick[c]!]!;
    const person = persons?.[i];
    return { label: s.label ?? fromName, samples, file, line: s.line, group: person === undefined ? file : `person ${person}` };
  });
  return { file, sampleRate: csv.sampleRate, channels: pick.length, segments };
}

async function readDataset(dir: string): Promise<Part> {
  const data = await loadDataset(dir);
  const segments: LabelledSegment[] = [];
  let sampleRate: number | undefined;
  let channels: number | undefined;
  for (const entry of data.entries) {
    const pick = imuColumns(entry.path, entry.axes ?? []);
    sampleRate ??= entry.sampleRate;
    channels ??= pick.length;
    if (entry.sampleRate !== sampleRate || pick.length !== channels) {
      throw new InputError('gesture-data', `${entry.path}: ${entry.sampleRate} Hz, ${pick.length} axes; the dataset's first sample has ${sampleRate} Hz, ${channels} axes`);
    }
    const raw = await data.readSample(entry);
    const frames = raw.length / entry.channels;
    const samples = new Float32Array(frames * pick.length);
    for (let n = 0; n < frames; n++) for (let c = 0; c < pick.length; c++) samples[n * pick.length + c] = raw[n * entry.channels + pick[c]!]!;
    segments.push({ label: entry.label, samples, file: entry.path, line: undefined, group: entry.path });
  }
  if (sampleRate === undefined || channels === undefined) throw new InputError('gesture-data', `${dir}: the dataset has no samples`);
  return { file: dir, sampleRate, channels, segments };
}
