/*
 * Incremental CSV record splitter (RFC 4180 quoting, CR / LF / CRLF line ends) that accepts text in
 * pieces of any size and gives the same records whatever the split: the pure core under the CSV reader.
 */

/** Separators the reader understands. */
export const CSV_SEPARATORS = [',', ';', '\t'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/**
 * Called once per record. `line` is the 1-based line where the record starts; `blank` is true for an
 * empty or whitespace-only line (a segment separator in the Arduino capture format).
 */
export type CsvRecordCallback = (fields: string[], line: number, blank: boolean) => void;

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Splits text into records of fields. Quoted fields may hold separators, doubled quotes and line
 * breaks; text after a closing quote is kept as is (lenient, as spreadsheet exports need).
 * @example
 * const p = new CsvRecordParser(',');
 * p.push('a,"b,c"\r\n1,2\n', (fields, line) => console.log(line, fields)); // 1 ['a','b,c'] / 2 ['1','2']
 * p.end(cb);
 */
export class CsvRecordParser {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  private quotedField = false; // current field started with a quote (so it is not blank)
  private afterCr = false; // last piece ended with CR: a leading LF in the next piece belongs to it
  private pendingQuote = false; // last piece ended on a quote inside a quoted field: "" or the closing quote
  private quotedCr = false; // previous character inside quotes was CR
  private line = 1; // line counter at the current position
  private recordLine = 1;
  private readonly sep: number;

  constructor(readonly separator: CsvSeparator) {
    this.sep = separator.charCodeAt(0);
  }

  /** Feeds the next piece of text; calls `onRecord` for every record it completes. */
  push(text: string, onRecord: CsvRecordCallback): void {
    let i = 0;
    const n = text.length;
    if (this.afterCr && n > 0) {
      this.afterCr = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    let start = i; // start of the plain run not yet appended to `field`
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.inQuotes) {
        if (c === QUOTE) {
          this.field += text.slice(start, i);
          if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) {
            this.field += '"';
            i += 2;
          } else if (i + 1 < n) {
            this.inQuotes = false;
            i += 1;
          } else {
            // A quote at the end of the piece: "" or a closing quote, decided by the next piece.
            this.inQuotes = false;
            this.pendingQuote = true;
            i += 1;
          }
          start = i;
          continue;
        }
        // Count CR, LF and CRLF (even split across pieces) as one line break each.
        if (c === CR || (c === LF && !this.quotedCr)) this.line++;
        this.quotedCr = c === CR;
        i++;
        continue;
      }
      if (this.pendingQuote) {
        this.pendingQuote = false;
        if (c === QUOTE) {
          // The previous piece ended inside a doubled quote: still quoted.
          this.field += '"';
          this.inQuotes = true;
          i++;
          start = i;
          continue;
        }
      }
      if (c === this.sep) {
        this.field += text.slice(start, i);
        this.endField();
        i++;
        start = i;
      } else if (c === CR || c === LF) {
        this.field += text.slice(start, i);
        this.endRecord(onRecord);
        this.line++;
        this.recordLine = this.line;
        if (c === CR) {
          if (i + 1 < n) {
            if (text.charCodeAt(i + 1) === LF) i++;
          } else {
            this.afterCr = true;
          }
        }
        i++;
        start = i;
      } else if (c === QUOTE && this.field.length === 0 && start === i && !this.quotedField) {
        this.inQuotes = true;
        this.quotedField = true;
        this.quotedCr = false;
        i++;
        start = i;
      } else {
        i++;
      }
    }
    this.field += text.slice(start, n);
  }

  /** End of input: emits the last record if the text did not end with a line break. */
  end(onRecord: CsvRecordCallback): void {
    this.pendingQuote = false;
    if (this.inQuotes || this.field.length > 0 || this.fields.length > 0 || this.quotedField) this.endRecord(onRecord);
    this.inQuotes = false;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.quotedField = false;
  }

  private endRecord(onRecord: CsvRecordCallback): void {
    const blank = this.fields.length === 0 && !this.quotedField && this.field.trim() === '';
    this.endField();
    const fields = this.fields;
    this.fields = [];
    onRecord(fields, this.recordLine, blank);
  }
}

/**
 * Picks the separator of a header line: the most frequent of comma, semicolon and tab outside quotes
 * (ties in that order); comma when none occurs (a one-column file).
 */
export function detectSeparator(headerLine: string): CsvSeparator {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const ch = headerLine[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted) {
      const k = (CSV_SEPARATORS as readonly string[]).indexOf(ch);
      if (k >= 0) counts[k]!++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k;
  return CSV_SEPARATORS[best]!;
}
