import { requireBoolean, requireInteger, rejectUnknownOptions } from '@sensorkit/dsp';
import { emptyBadLineCounts, type BadLineCounts } from './bad-lines.js';
import { FIELD_EMPTY, FIELD_TOO_MANY, LineFields, parseNames, type SeparatorKind } from './line-fields.js';

/** Where a LineParser sends what it finds. */
export interface LineSink {
  /** one reading: `values[0..count)`, valid only during the call (the array is reused) */
  reading(values: Float64Array, count: number, separator: SeparatorKind): void;
  /** a line of names that may be a header (the receiver decides, as only data can confirm it) */
  names(names: readonly string[], separator: SeparatorKind): void;
  /** when it returns true the parser stops before the next line, so a bounded consumer can push back */
  full?(): boolean;
}

export interface LineParserOptions {
  /** longest line kept, in bytes without the newline; longer lines are dropped and counted (default 1024) */
  maxLineBytes?: number;
  /** most values per line (default 64) */
  maxValues?: number;
  /** drop the first numeric line of a connection, as it may have started mid-line (default true) */
  skipFirstLine?: boolean;
}

const LF = 0x0a;

/**
 * Splits a serial byte stream into lines and lines into readings: chunks of any size, split anywhere,
 * LF or CRLF. Bytes go once into a preallocated line buffer as they arrive (nothing is concatenated or
 * rescanned) and are parsed once when their line ends; a reading allocates nothing. Lines that do not
 * parse are counted by reason in `counts`.
 * @example
 * const parser = new LineParser({ skipFirstLine: false });
 * parser.push(new TextEncoder().encode('aX,aY\r\n1,2\r\n3,'), {
 *   names: (names) => console.log(names),                       // ['aX', 'aY']
 *   reading: (values, n) => console.log(values.slice(0, n)),     // Float64Array [1, 2]
 * });
 */
export class LineParser {
  /** skipped lines by reason, since the parser was made */
  readonly counts: BadLineCounts = emptyBadLineCounts();
  /** complete non-blank lines seen */
  lines = 0;
  private readonly fields: LineFields;
  private readonly line: Uint8Array;
  private length = 0;
  private overlong = false;
  private firstLine: boolean;
  private readonly skipFirstLine: boolean;

  constructor(options: LineParserOptions = {}) {
    rejectUnknownOptions('line-parser', options, ['maxLineBytes', 'maxValues', 'skipFirstLine']);
    const maxLineBytes = requireInteger('line-parser', 'maxLineBytes', options.maxLineBytes ?? 1024, 8, 1 << 20);
    const maxValues = requireInteger('line-parser', 'maxValues', options.maxValues ?? 64, 1, 4096);
    this.skipFirstLine = requireBoolean('line-parser', 'skipFirstLine', options.skipFirstLine ?? true);
    this.firstLine = this.skipFirstLine;
    this.line = new Uint8Array(maxLineBytes);
    this.fields = new LineFields(maxValues);
  }

  /** The array readings are written into (length maxValues). */
  get values(): Float64Array {
    return this.fields.values;
  }

  /**
   * Feeds bytes from `start`; returns the index of the first byte not consumed: `bytes.length` unless
   * `sink.full()` stopped it, in which case push the rest again (from that index) once there is room.
   */
  push(bytes: Uint8Array, sink: LineSink, start = 0): number {
    const line = this.line;
    const max = line.length;
    let length = this.length;
    for (let i = start; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b !== LF) {
        if (length < max) line[length++] = b;
        else this.overlong = true;
        continue;
      }
      if (sink.full?.()) {
        this.length = length;
        return i;
      }
      this.length = length;
      this.finishLine(sink);
      length = 0;
    }
    this.length = length;
    return bytes.length;
  }

  /**
   * Marks a connection boundary (disconnect or reconnect): a partial line is dropped and counted as
   * 'cut', and the next numeric line is treated as possibly cut too.
   */
  restart(): void {
    if (this.length > 0 || this.overlong) this.counts.cut++;
    this.length = 0;
    this.overlong = false;
    this.firstLine = this.skipFirstLine;
  }

  private finishLine(sink: LineSink): void {
    const length = this.length;
    this.length = 0;
    if (this.overlong) {
      this.overlong = false;
      this.firstLine = false;
      this.lines++;
      this.counts.overlong++;
      return;
    }
    const count = this.fields.parse(this.line, length);
    if (count === 0) return; // blank line
    this.lines++;
    const first = this.firstLine;
    this.firstLine = false;
    if (count > 0) {
      if (first) this.counts.cut++;
      else sink.reading(this.fields.values, count, this.fields.separator);
    } else if (count === FIELD_EMPTY) {
      this.counts['empty-field']++;
    } else if (count === FIELD_TOO_MANY) {
      this.counts['too-many-values']++;
    } else {
      const header = parseNames(this.line, length);
      if (header) sink.names(header.names, header.separator);
      else this.counts['not-numeric']++;
    }
  }
}
