import { ParameterError, type SampleChunk } from '@sensorkit/dsp';
import { FormatError } from './errors.js';
import type { CsvReaderPlan } from './csv-plan.js';
import { checkStep, deriveRate, TIME_COLUMN_NAME, type DerivedRate } from './csv-rate.js';
import { CsvRecordParser, detectSeparator, type CsvSeparator } from './csv-records.js';
import { parseCsvNumber } from './csv-values.js';

/** A chunk of CSV rows: always within one segment (blank lines or a label change separate segments). */
export interface CsvChunk extends SampleChunk {
  /** 0-based segment number */
  readonly segment: number;
  /** the segment's label (label column value), if the file has a label column */
  readonly label: string | undefined;
  /** 1-based line of the chunk's first row */
  readonly line: number;
}

/** What the header and the first rows say about a CSV file. */
export interface CsvInfo {
  /** names of the numeric columns read, in channel order */
  readonly columns: readonly string[];
  /** Hz, from the option or derived from the timestamp column */
  readonly sampleRate: number;
  readonly separator: CsvSeparator;
  readonly labelColumn: string | undefined;
  readonly timeColumn: string | undefined;
  /** unit of the timestamp column when the rate was derived from it */
  readonly timeUnit: 's' | 'ms' | 'us' | undefined;
}

interface PendingRow {
  readonly values: Float32Array;
  readonly time: number;
  readonly label: string | undefined;
  readonly line: number;
  readonly breakBefore: boolean;
}

// Rows read ahead to derive the rate from timestamps before the first chunk can be stamped with it.
const RATE_LOOKAHEAD = 1024;
const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * Turns CSV text, fed in pieces of any size, into CsvChunks: header, column choice, segments, rate.
 * Each emitted chunk owns its samples. `index` restarts at 0 in every segment, so a framing operator
 * downstream restarts at each segment instead of framing across two gestures.
 * @example
 * const d = new CsvDecoder('imu.csv', createCsvReaderPlan({ sampleRate: 119 }));
 * d.push('aX,aY\n0.1,0.2\n\n0.3,0.4\n', emit); d.end(emit); // two chunks, segments 0 and 1
 */
export class CsvDecoder {
  private parser: CsvRecordParser | undefined;
  private headText = '';
  private header: string[] | undefined;
  private headerLine = 0;
  private labelIdx = -1;
  private timeIdx = -1;
  private dataIdx: number[] | undefined;
  private sampleRate: number | undefined;
  private rate: DerivedRate | undefined;
  private pending: PendingRow[] | undefined = [];
  private buffer = new Float32Array(0);
  private rowValues = new Float32Array(0);
  private fill = 0;
  private segment = -1;
  private segmentIndex = 0;
  private segmentRows = 0;
  private segmentLabel: string | undefined;
  private chunkLine = 0;
  private lastLabel: string | undefined;
  private prevTime = 0;
  private breakPending = true;

  constructor(
    readonly file: string,
    readonly plan: CsvReaderPlan,
  ) {}

  /** Known once the header, the first row and the rate have been read. */
  get info(): CsvInfo | undefined {
    if (!this.header || !this.dataIdx || this.sampleRate === undefined || !this.parser) return undefined;
    const name = (i: number): string | undefined => (i >= 0 ? this.header![i] : undefined);
    return {
      columns: this.dataIdx.map((i) => this.header![i]!),
      sampleRate: this.sampleRate,
      separator: this.parser.separator,
      labelColumn: name(this.labelIdx),
      timeColumn: name(this.timeIdx),
      timeUnit: this.rate?.unit,
    };
  }

  /** Feeds the next piece of text. */
  push(text: string, emit: (chunk: CsvChunk) => void): void {
    const onRecord = (fields: string[], line: number, blank: boolean): void => this.record(fields, line, blank, emit);
    if (this.parser) return this.parser.push(text, onRecord);
    this.headText += this.headText === '' && text.startsWith('\uFEFF') ? text.slice(1) : text;
    const separator = this.plan.settings.separator;
    let chosen: CsvSeparator | undefined = separator === 'auto' ? undefined : separator;
    if (!chosen) {
      const headerLine = this.headText.split(/\r\n|\r|\n/).slice(0, -1).find((l) => l.trim() !== '');
      if (headerLine === undefined) return;
      chosen = detectSeparator(headerLine);
    }
    this.parser = new CsvRecordParser(chosen);
    this.parser.push(this.headText, onRecord);
    this.headText = '';
  }

  /** End of input: emits what is left, or throws if the file never had a header or rows. */
  end(emit: (chunk: CsvChunk) => void): void {
    if (!this.parser) {
      const separator = this.plan.settings.separator;
      this.parser = new CsvRecordParser(separator === 'auto' ? detectSeparator(this.headText) : separator);
      this.parser.push(this.headText, (f, l, b) => this.record(f, l, b, emit));
    }
    this.parser.end((f, l, b) => this.record(f, l, b, emit));
    if (!this.header) throw new FormatError(this.file, 'CSV: empty file; expected a header row');
    if (!this.dataIdx) throw new FormatError(this.file, 'CSV: no data rows after the header', { line: this.headerLine });
    if (this.pending) this.resolveRate(emit);
    this.flushChunk(emit);
  }

  private record(fields: string[], line: number, blank: boolean, emit: (chunk: CsvChunk) => void): void {
    if (blank) {
      this.breakPending = true;
      return;
    }
    if (!this.header) return this.readHeader(fields, line);
    const header = this.header;
    if (fields.length !== header.length) {
      throw new FormatError(this.file, `CSV: ${fields.length} fields; expected ${header.length} (${header.join(this.parser!.separator)})`, { line });
    }
    if (!this.dataIdx) this.chooseColumns(fields, line);
    const dataIdx = this.dataIdx!;
    const values = this.rowValues;
    for (let k = 0; k < dataIdx.length; k++) values[k] = this.number(fields, dataIdx[k]!, line);
    const label = this.labelIdx >= 0 ? fields[this.labelIdx]!.trim() : undefined;
    const breakBefore = this.breakPending || label !== this.lastLabel;
    this.breakPending = false;
    this.lastLabel = label;
    const time = this.timeIdx >= 0 && this.plan.settings.sampleRate === undefined ? this.number(fields, this.timeIdx, line, false) : 0;
    if (this.pending) {
      this.pending.push({ values: values.slice(), time, label, line, breakBefore });
      if (this.pending.length >= RATE_LOOKAHEAD) this.resolveRate(emit);
    } else {
      this.addRow(values, time, label, line, breakBefore, emit);
    }
  }

  private readHeader(fields: string[], line: number): void {
    const names = fields.map((f) => f.trim());
    names.forEach((n, i) => {
      if (n === '') throw new FormatError(this.file, `CSV: header column ${i + 1} has no name`, { line });
      if (names.indexOf(n) !== i) throw new FormatError(this.file, `CSV: column "${n}" appears twice in the header`, { line });
    });
    this.header = names;
    this.headerLine = line;
    const { settings } = this.plan;
    const find = (name: string, role: string): number => {
      const i = names.indexOf(name);
      if (i < 0) throw new FormatError(this.file, `CSV: no ${role} column "${name}"; the header has ${names.map((n) => `"${n}"`).join(', ')}`, { line });
      return i;
    };
    const pick = (option: string | null | undefined, role: string, auto: (n: string) => boolean): number =>
      option === null ? -1 : option !== undefined ? find(option, role) : names.findIndex(auto);
    this.labelIdx = pick(settings.labelColumn, 'label', (n) => /^(?:label|class)$/i.test(n));
    this.timeIdx = pick(settings.timeColumn, 'timestamp', (n) => TIME_COLUMN_NAME.test(n));
    if (settings.columns) this.dataIdx = settings.columns.map((c) => find(c, 'data'));
    this.sampleRate = settings.sampleRate;
    if (this.sampleRate !== undefined) this.pending = undefined;
    else if (this.timeIdx < 0) {
      throw new ParameterError(
        'csv-reader',
        'sampleRate',
        undefined,
        `a rate in Hz: ${this.file} has no timestamp column to derive it from (header: ${names.join(', ')}; looked for t, ts, time, timestamp, millis, micros; or name one with timeColumn)`,
      );
    }
    if (this.dataIdx) this.allocate();
  }

  private chooseColumns(fields: string[], line: number): void {
    const chosen: number[] = [];
    for (let i = 0; i < fields.length; i++) {
      if (i !== this.labelIdx && i !== this.timeIdx && parseCsvNumber(fields[i]!) !== undefined) chosen.push(i);
    }
    if (chosen.length === 0) {
      throw new FormatError(this.file, `CSV: no numeric columns in the first data row (header: ${this.header!.join(', ')}); name them with columns`, { line });
    }
    this.dataIdx = chosen;
    this.allocate();
  }

  private allocate(): void {
    const channels = this.dataIdx!.length;
    this.buffer = new Float32Array(this.plan.settings.chunkFrames * channels);
    this.rowValues = new Float32Array(channels);
  }

  private number(fields: string[], i: number, line: number, float32 = true): number {
    const cell = fields[i]!;
    const v = parseCsvNumber(cell);
    if (v === undefined) throw new FormatError(this.file, `column "${this.header![i]}" = ${JSON.stringify(cell)}; expected a number`, { line });
    if (float32 && Math.abs(v) > FLOAT32_MAX) {
      throw new FormatError(this.file, `column "${this.header![i]}" = ${JSON.stringify(cell)}; expected a number within float32 range`, { line });
    }
    return v;
  }

  private resolveRate(emit: (chunk: CsvChunk) => void): void {
    const rows = this.pending!;
    const steps: number[] = [];
    for (let i = 1; i < rows.length; i++) if (!rows[i]!.breakBefore) steps.push(rows[i]!.time - rows[i - 1]!.time);
    const column = this.header![this.timeIdx]!;
    if (steps.length === 0) {
      throw new FormatError(this.file, `CSV: cannot derive the sample rate from column "${column}": no segment has two rows; give sampleRate`);
    }
    this.rate = deriveRate(steps, this.plan.settings.timeUnit, column);
    this.sampleRate = this.rate.sampleRate;
    this.pending = undefined;
    for (const r of rows) this.addRow(r.values, r.time, r.label, r.line, r.breakBefore, emit);
  }

  private addRow(values: Float32Array, time: number, label: string | undefined, line: number, breakBefore: boolean, emit: (chunk: CsvChunk) => void): void {
    if (this.segment < 0 || (breakBefore && this.segmentRows > 0)) {
      this.flushChunk(emit);
      this.segment++;
      this.segmentIndex = 0;
      this.segmentRows = 0;
      this.segmentLabel = label;
    } else if (this.rate) {
      const problem = checkStep(time - this.prevTime, this.rate, this.plan.settings.timeTolerance, this.header![this.timeIdx]!);
      if (problem) throw new FormatError(this.file, problem, { line });
    }
    this.prevTime = time;
    if (this.fill === 0) this.chunkLine = line;
    this.buffer.set(values, this.fill * values.length);
    this.fill++;
    this.segmentRows++;
    if (this.fill === this.plan.settings.chunkFrames) this.flushChunk(emit);
  }

  private flushChunk(emit: (chunk: CsvChunk) => void): void {
    if (this.fill === 0) return;
    const channels = this.dataIdx!.length;
    const full = this.fill === this.plan.settings.chunkFrames;
    const samples = full ? this.buffer : this.buffer.slice(0, this.fill * channels);
    if (full) this.buffer = new Float32Array(this.buffer.length);
    const index = this.segmentIndex;
    this.segmentIndex += this.fill;
    this.fill = 0;
    emit({ samples, sampleRate: this.sampleRate!, channels, index, segment: this.segment, label: this.segmentLabel, line: this.chunkLine });
  }
}
