import { open, type FileHandle } from 'node:fs/promises';
import { describe, InputError, rejectUnknownOptions, requireInteger, requireOneOf, ParameterError, type Described, type Frame } from '@sensorkit/dsp';
import { CSV_SEPARATORS, type CsvSeparator } from './csv-records.js';
import { formatNumber, quoteCsvField } from './csv-values.js';

export interface CsvWriteOptions {
  /** header names; default for frames: index, time, f0 .. f(n-1) */
  columns?: string[];
  /** field separator; default ',' */
  separator?: CsvSeparator;
  /** significant digits of numbers; default: the fewest that read back to the same float32 */
  digits?: number;
}

export interface CsvWriterPlan extends Described<{ columns: string[] | undefined; separator: CsvSeparator; digits: number | undefined }> {
  readonly columns: readonly string[] | undefined;
  readonly separator: CsvSeparator;
  readonly digits: number | undefined;
}

/** A cell: numbers are formatted compactly, strings quoted where needed. */
export type CsvCell = number | string;

const BLOCK = 'csv-writer';
const FLUSH_CHARS = 1 << 16;

/**
 * Checks CSV writing options once.
 * @example
 * const plan = createCsvWriterPlan({ columns: ['t', 'rms'], digits: 6 });
 */
export function createCsvWriterPlan(options: CsvWriteOptions = {}): CsvWriterPlan {
  rejectUnknownOptions(BLOCK, options, ['columns', 'separator', 'digits']);
  const separator = requireOneOf(BLOCK, 'separator', options.separator ?? ',', CSV_SEPARATORS);
  const digits = options.digits === undefined ? undefined : requireInteger(BLOCK, 'digits', options.digits, 1, 17);
  const columns = options.columns;
  if (columns !== undefined && (!Array.isArray(columns) || columns.length === 0 || !columns.every((c) => typeof c === 'string'))) {
    throw new ParameterError(BLOCK, 'columns', columns, 'a non-empty array of column names');
  }
  const copy = columns ? [...columns] : undefined;
  return { description: describe(BLOCK, 1, { columns: copy, separator, digits }), columns: copy, separator, digits };
}

/**
 * One CSV line (without line break) from cells: numbers via formatNumber, strings quoted when needed.
 * @example
 * formatCsvRow([0.5, 'a,b', 3], ','); // '0.5,"a,b",3'
 */
export function formatCsvRow(cells: readonly CsvCell[], separator: CsvSeparator, digits?: number): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (i > 0) line += separator;
    line += typeof cell === 'number' ? formatNumber(cell, digits) : quoteCsvField(cell, separator);
  }
  return line;
}

/**
 * Buffered CSV writer for feature rows and frames: header first, then one line per row, `\n` line ends.
 * Non-finite numbers are rejected (a NaN feature is a bug upstream, not data).
 * @example
 * const w = await CsvWriter.open('features.csv');
 * await w.writeFrame(frame); // header index,time,f0..f(n-1), then index, seconds, values
 * await w.close();
 */
export class CsvWriter {
  private text = '';
  private columns: readonly string[] | undefined;
  private rows = 0;
  private pending: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly path: string,
    readonly plan: CsvWriterPlan,
    private readonly fh: FileHandle,
  ) {
    if (plan.columns) this.setColumns(plan.columns);
  }

  /** Creates (or truncates) `path`; the header is written with the first row unless columns are given. */
  static async open(path: string, options: CsvWriteOptions | CsvWriterPlan = {}): Promise<CsvWriter> {
    const plan = 'description' in options ? options : createCsvWriterPlan(options);
    return new CsvWriter(path, plan, await open(path, 'w'));
  }

  /** Rows written so far (header excluded). */
  get rowCount(): number {
    return this.rows;
  }

  /** Appends one row; it must have one cell per column. Resolves once buffered text is on disk when a flush was due. */
  writeRow(cells: readonly CsvCell[]): Promise<void> {
    try {
      if (this.closed) throw new InputError(BLOCK, `${this.path} is already closed`);
      if (!this.columns) throw new InputError(BLOCK, `${this.path}: no header; give columns when opening, or write frames`);
      if (cells.length !== this.columns.length) {
        throw new InputError(BLOCK, `row ${this.rows + 1} has ${cells.length} cells; expected ${this.columns.length} (${this.columns.join(', ')})`);
      }
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i]!;
        if (typeof c === 'number' && !Number.isFinite(c)) {
          throw new InputError(BLOCK, `row ${this.rows + 1}, column "${this.columns[i]}" is ${c}; expected a finite number`);
        }
      }
    } catch (err) {
      return Promise.reject(err);
    }
    this.text += formatCsvRow(cells, this.plan.separator, this.plan.digits) + '\n';
    this.rows++;
    return this.text.length >= FLUSH_CHARS ? this.flush() : this.pending;
  }

  /** Appends a frame as [index, time in s, ...data]; the first frame sets the default header. */
  writeFrame(frame: Frame): Promise<void> {
    if (!this.columns && !this.closed) {
      this.setColumns(['index', 'time', ...Array.from(frame.data, (_, i) => `f${i}`)]);
    }
    // Time in double precision: float32 would lose milliseconds after a few hours of signal.
    const seconds = String(Number((frame.index / frame.sampleRate).toPrecision(12)));
    const cells: CsvCell[] = [frame.index, seconds];
    for (let i = 0; i < frame.data.length; i++) cells.push(frame.data[i]!);
    return this.writeRow(cells);
  }

  /** Flushes and closes the file; returns the row count. Safe to call twice. */
  async close(): Promise<{ rows: number }> {
    if (!this.closed) {
      this.closed = true;
      try {
        await this.flush();
      } finally {
        await this.fh.close();
      }
    }
    return { rows: this.rows };
  }

  private setColumns(columns: readonly string[]): void {
    this.columns = columns;
    this.text += formatCsvRow(columns, this.plan.separator) + '\n';
  }

  private flush(): Promise<void> {
    const text = this.text;
    this.text = '';
    this.pending = this.pending.then(async () => {
      if (text) await this.fh.write(text);
    });
    return this.pending;
  }
}

/**
 * Writes a header and rows to a CSV file in one call.
 * @example
 * await writeCsv('out.csv', { columns: ['t', 'x'], rows: [[0, 0.5], [0.01, 0.25]] });
 */
export async function writeCsv(path: string, data: CsvWriteOptions & { columns: string[]; rows: Iterable<readonly CsvCell[]> }): Promise<{ rows: number }> {
  const { rows, ...options } = data;
  const writer = await CsvWriter.open(path, options);
  try {
    for (const row of rows) await writer.writeRow(row);
  } finally {
    await writer.close();
  }
  return { rows: writer.rowCount };
}
