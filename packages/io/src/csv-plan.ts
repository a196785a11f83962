import {
  describe,
  ParameterError,
  rejectUnknownOptions,
  requireInRange,
  requireInteger,
  requireOneOf,
  requirePositive,
  type Described,
} from '@sensorkit/dsp';
import { TIME_UNITS, type TimeUnit } from './csv-rate.js';
import { CSV_SEPARATORS, type CsvSeparator } from './csv-records.js';

export interface CsvReadOptions {
  /** numeric columns to read, in channel order; default: every numeric column except label and time */
  columns?: string[];
  /** column holding a string label per row; default: a column named "label" or "class" if present; null: none */
  labelColumn?: string | null;
  /** timestamp column; default: one named t, ts, time, timestamp, millis or micros (unit suffix allowed); null: none */
  timeColumn?: string | null;
  /** unit of the timestamp column; default 'auto' (see detectTimeUnit) */
  timeUnit?: TimeUnit;
  /** Hz; when given, the timestamp column is not used for the rate */
  sampleRate?: number;
  /** allowed deviation of a timestamp step from the median step, as a fraction; default 0.25 */
  timeTolerance?: number;
  /** field separator; default 'auto' (the most frequent of , ; tab in the header line) */
  separator?: CsvSeparator | 'auto';
  /** rows per emitted chunk (a segment end also ends a chunk); default 4096 */
  chunkFrames?: number;
}

export interface CsvReaderPlan extends Described<CsvReaderSettings> {
  readonly settings: CsvReaderSettings;
}

/** Resolved options; `undefined` column names mean "detect from the header". */
export interface CsvReaderSettings {
  readonly columns: readonly string[] | undefined;
  readonly labelColumn: string | null | undefined;
  readonly timeColumn: string | null | undefined;
  readonly timeUnit: TimeUnit;
  readonly sampleRate: number | undefined;
  readonly timeTolerance: number;
  readonly separator: CsvSeparator | 'auto';
  readonly chunkFrames: number;
}

const BLOCK = 'csv-reader';
const KNOWN = ['columns', 'labelColumn', 'timeColumn', 'timeUnit', 'sampleRate', 'timeTolerance', 'separator', 'chunkFrames'];

/**
 * Checks CSV reading options once.
 * @example
 * const plan = createCsvReaderPlan({ columns: ['aX', 'aY', 'aZ'], sampleRate: 119 });
 */
export function createCsvReaderPlan(options: CsvReadOptions = {}): CsvReaderPlan {
  rejectUnknownOptions(BLOCK, options, KNOWN);
  const columns = options.columns === undefined ? undefined : requireNames('columns', options.columns);
  const settings: CsvReaderSettings = {
    columns,
    labelColumn: optionalName('labelColumn', options.labelColumn),
    timeColumn: optionalName('timeColumn', options.timeColumn),
    timeUnit: requireOneOf(BLOCK, 'timeUnit', options.timeUnit ?? 'auto', TIME_UNITS),
    sampleRate: options.sampleRate === undefined ? undefined : requirePositive(BLOCK, 'sampleRate', options.sampleRate),
    timeTolerance: requireInRange(BLOCK, 'timeTolerance', options.timeTolerance ?? 0.25, 0, 1, { minExclusive: true, maxExclusive: true }),
    separator: requireOneOf(BLOCK, 'separator', options.separator ?? 'auto', [...CSV_SEPARATORS, 'auto'] as const),
    chunkFrames: requireInteger(BLOCK, 'chunkFrames', options.chunkFrames ?? 4096, 1, 1 << 24),
  };
  return { description: describe(BLOCK, 1, settings), settings };
}

function requireNames(argument: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    throw new ParameterError(BLOCK, argument, value, 'a non-empty array of column names');
  }
  const names = value.map((v: string) => v.trim());
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new ParameterError(BLOCK, argument, value, `distinct column names ("${twice}" appears twice)`);
  return names;
}

function optionalName(argument: string, value: unknown): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string' || value.trim() === '') throw new ParameterError(BLOCK, argument, value, 'a column name, or null for none');
  return value.trim();
}
