import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { ParameterError, rejectUnknownOptions, requireOneOf, type SampleChunk } from '@sensorkit/dsp';
import { createCsvReaderPlan, type CsvReadOptions } from './csv-plan.js';
import { readCsvChunks, readCsvInfo } from './csv-reader.js';
import type { WarningHandler } from './errors.js';
import { createRawReaderPlan, rawFrames, readRawChunks, type RawEncoding } from './raw-reader.js';
import type { SampleEncoding } from './sample-codec.js';
import { readWavHeader } from './wav-header.js';
import { createWavReaderPlan, readWavChunks } from './wav-reader.js';

export const SIGNAL_FORMATS = ['wav', 'csv', 'raw'] as const;
/** File formats openSignal reads. */
export type SignalFormat = (typeof SIGNAL_FORMATS)[number];

export interface OpenSignalOptions extends Omit<CsvReadOptions, 'sampleRate' | 'chunkFrames'> {
  /** file format; default from the extension (.wav .wave / .csv .tsv .txt / .f32 .s16 .pcm .raw .bin) */
  format?: SignalFormat;
  /** Hz: required for raw files; for CSV, instead of the timestamp column; for WAV, checked against the header */
  sampleRate?: number;
  /** channels: required for raw files; for WAV and CSV, checked against the file */
  channels?: number;
  /** raw sample encoding; default from the extension (.f32 float32, .s16/.pcm int16), required for .raw/.bin */
  encoding?: RawEncoding;
  /** frames (CSV: rows) per chunk; default 4096 */
  chunkFrames?: number;
  /** WAV: a data size larger than the file is an error instead of a warning */
  strict?: boolean;
  /** WAV: receives warnings; default process.emitWarning */
  onWarning?: WarningHandler;
}

/** What kind of signal a file holds. */
export interface SignalInfo {
  /** Hz */
  readonly sampleRate: number;
  readonly channels: number;
  readonly format: SignalFormat;
  /** how the file stores samples ('text' for CSV) */
  readonly encoding: SampleEncoding | 'text';
  /** frames in the file, when known without reading it all (WAV, raw) */
  readonly frames: number | undefined;
  /** CSV column names, in channel order */
  readonly channelNames: readonly string[] | undefined;
}

/** A file opened for streaming: its description, and its chunks (each iteration reads the file anew). */
export interface OpenedSignal {
  readonly info: SignalInfo;
  /** SampleChunks; for CSV they are CsvChunks (with segment, label and line) */
  readonly chunks: AsyncIterable<SampleChunk>;
}

const BLOCK = 'openSignal';
const CSV_KEYS = ['columns', 'labelColumn', 'timeColumn', 'timeUnit', 'timeTolerance', 'separator'] as const;
const KNOWN = ['format', 'sampleRate', 'channels', 'encoding', 'chunkFrames', 'strict', 'onWarning', ...CSV_KEYS];
const BY_EXTENSION: Record<string, [SignalFormat, RawEncoding?]> = {
  '.wav': ['wav'],
  '.wave': ['wav'],
  '.csv': ['csv'],
  '.tsv': ['csv'],
  '.txt': ['csv'],
  '.f32': ['raw', 'float32'],
  '.s16': ['raw', 'int16'],
  '.pcm': ['raw', 'int16'],
  '.raw': ['raw'],
  '.bin': ['raw'],
};

/**
 * Opens a WAV, CSV or raw file by extension (or `format`) and describes it, for tools that take any
 * signal file. Options that do not apply to the chosen format are errors, not silently ignored.
 * @example
 * const { info, chunks } = await openSignal('accel.f32', { sampleRate: 1000, channels: 3 });
 * for await (const chunk of chunks) pipeline.push(chunk);
 */
export async function openSignal(path: string, options: OpenSignalOptions = {}): Promise<OpenedSignal> {
  rejectUnknownOptions(BLOCK, options, KNOWN);
  const ext = extname(path).toLowerCase();
  const byExt = BY_EXTENSION[ext];
  if (options.format === undefined && !byExt) {
    throw new ParameterError(BLOCK, 'format', undefined, `one of "wav", "csv", "raw": the extension "${ext}" of ${path} does not say (known: ${Object.keys(BY_EXTENSION).join(' ')})`);
  }
  const format = options.format === undefined ? byExt![0] : requireOneOf(BLOCK, 'format', options.format, SIGNAL_FORMATS);
  const given = (Object.keys(options) as (keyof OpenSignalOptions)[]).filter((k) => options[k] !== undefined);
  const allowed: Record<SignalFormat, readonly string[]> = {
    wav: ['format', 'sampleRate', 'channels', 'chunkFrames', 'strict', 'onWarning'],
    csv: ['format', 'sampleRate', 'channels', 'chunkFrames', ...CSV_KEYS],
    raw: ['format', 'sampleRate', 'channels', 'encoding', 'chunkFrames'],
  };
  const stray = given.find((k) => !allowed[format].includes(k));
  if (stray) throw new ParameterError(BLOCK, stray, options[stray], `no ${stray} for ${format} files (${path}); options for ${format}: ${allowed[format].join(', ')}`);
  if (format === 'wav') return openWav(path, options);
  if (format === 'raw') return openRaw(path, options, byExt?.[0] === 'raw' ? byExt[1] : undefined);
  return openCsv(path, options);
}

async function openWav(path: string, options: OpenSignalOptions): Promise<OpenedSignal> {
  const plan = createWavReaderPlan({ chunkFrames: options.chunkFrames, strict: options.strict, onWarning: options.onWarning });
  // Warnings are reported when the chunks are read, not twice.
  const header = await readWavHeader(path, { strict: plan.strict, onWarning: () => {} });
  expectSame('sampleRate', options.sampleRate, header.sampleRate, path);
  expectSame('channels', options.channels, header.channels, path);
  const info: SignalInfo = {
    sampleRate: header.sampleRate,
    channels: header.channels,
    format: 'wav',
    encoding: header.encoding,
    frames: header.frames,
    channelNames: undefined,
  };
  return { info, chunks: { [Symbol.asyncIterator]: () => readWavChunks(path, plan) } };
}

async function openRaw(path: string, options: OpenSignalOptions, extEncoding: RawEncoding | undefined): Promise<OpenedSignal> {
  const encoding = options.encoding ?? extEncoding;
  if (encoding === undefined) {
    throw new ParameterError(BLOCK, 'encoding', undefined, `"float32" or "int16": the extension of ${path} does not say how its samples are stored`);
  }
  const plan = createRawReaderPlan({ sampleRate: options.sampleRate!, channels: options.channels!, encoding, chunkFrames: options.chunkFrames });
  const fh = await open(path, 'r');
  let frames: number;
  try {
    frames = rawFrames(path, (await fh.stat()).size, plan);
  } finally {
    await fh.close();
  }
  const info: SignalInfo = { sampleRate: plan.sampleRate, channels: plan.channels, format: 'raw', encoding: encoding === 'int16' ? 'pcm16' : 'float32', frames, channelNames: undefined };
  return { info, chunks: { [Symbol.asyncIterator]: () => readRawChunks(path, plan) } };
}

async function openCsv(path: string, options: OpenSignalOptions): Promise<OpenedSignal> {
  const csvOptions: CsvReadOptions = {};
  for (const key of [...CSV_KEYS, 'sampleRate', 'chunkFrames'] as const) {
    if (options[key] !== undefined) (csvOptions as Record<string, unknown>)[key] = options[key];
  }
  const plan = createCsvReaderPlan(csvOptions);
  const csv = await readCsvInfo(path, plan);
  expectSame('channels', options.channels, csv.columns.length, path, ` (columns ${csv.columns.join(', ')})`);
  const info: SignalInfo = {
    sampleRate: csv.sampleRate,
    channels: csv.columns.length,
    format: 'csv',
    encoding: 'text',
    frames: undefined,
    channelNames: csv.columns,
  };
  return { info, chunks: { [Symbol.asyncIterator]: () => readCsvChunks(path, plan) } };
}

function expectSame(argument: 'sampleRate' | 'channels', asked: number | undefined, actual: number, path: string, detail = ''): void {
  if (asked !== undefined && asked !== actual) {
    throw new ParameterError(BLOCK, argument, asked, `${actual}, what ${path} holds${detail}${argument === 'sampleRate' ? '; resample to change the rate' : ''}`);
  }
}
