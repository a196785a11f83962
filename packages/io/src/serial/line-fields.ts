/*
 * Field parsing for one text line of a serial sensor stream (Edge Impulse data-forwarder format:
 * values separated by commas, tabs or spaces in any mix). Works on the line's bytes, so a reading costs
 * no string; only numbers outside the exact fast path (over 15 significant digits, or a decimal
 * exponent beyond ±22) go through a short string and Number().
 */

/** How a line separates its fields: with commas (maybe padded by blanks) or with blanks only. */
export type SeparatorKind = 'comma' | 'blank';

/** parseValues result: a field is not a plain decimal number. */
export const FIELD_NOT_NUMERIC = -1;
/** parseValues result: a comma with no value before it (`,1,2` or `1,,2`). */
export const FIELD_EMPTY = -2;
/** parseValues result: more values than the parser has room for. */
export const FIELD_TOO_MANY = -3;

const COMMA = 0x2c;
const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

// Exact powers of ten: m * 10^k and m / 10^k round once when m < 2^53 and k <= 22 (Clinger's fast path),
// which gives the same double as Number(text).
const POW10 = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const MAX_FAST_DIGITS = 15;

function isBlank(b: number): boolean {
  return b === SPACE || b === TAB || b === CR;
}

function isSeparator(b: number): boolean {
  return b === COMMA || isBlank(b);
}

function isDigit(b: number): boolean {
  return b >= ZERO && b <= NINE;
}

/**
 * Parses the numbers of one line into a caller-owned array, without allocating on the usual path.
 * Separators are `,` tab, space (and a stray CR); runs of blanks count as one separator and a single
 * trailing comma is allowed (Arduino loops that print `value,` per axis), but an empty field is not.
 * @example
 * const fields = new LineFields(8);
 * const n = fields.parse(new TextEncoder().encode('1.5, -2\t3e2'), 11); // 3: values 1.5, -2, 300; separator 'comma'
 */
export class LineFields {
  /** the values of the last parsed line, `values[0..count)` */
  readonly values: Float64Array;
  /** separator kind of the last parsed line */
  separator: SeparatorKind = 'blank';

  constructor(readonly maxValues: number) {
    this.values = new Float64Array(maxValues);
  }

  /** Parses `line[0..length)`; returns the value count (0 for a blank line) or a negative FIELD_ code. */
  parse(line: Uint8Array, length: number): number {
    let count = 0;
    let commaPending = false;
    this.separator = 'blank';
    let p = 0;
    while (p < length) {
      const b = line[p]!;
      if (isBlank(b)) {
        p++;
        continue;
      }
      if (b === COMMA) {
        if (count === 0 || commaPending) return FIELD_EMPTY;
        commaPending = true;
        this.separator = 'comma';
        p++;
        continue;
      }
      if (count === this.maxValues) return FIELD_TOO_MANY;
      const end = this.number(line, p, length, count);
      if (end < 0) return FIELD_NOT_NUMERIC;
      count++;
      commaPending = false;
      p = end;
    }
    return count;
  }

  /** Reads one number starting at `start` into values[slot]; returns the index after it, or -1. */
  private number(line: Uint8Array, start: number, length: number, slot: number): number {
    let p = start;
    let negative = false;
    if (line[p] === PLUS || line[p] === MINUS) {
      negative = line[p] === MINUS;
      p++;
    }
    let mantissa = 0;
    let significant = 0;
    let exponent = 0;
    let digits = 0;
    let exact = true;
    for (; p < length && isDigit(line[p]!); p++, digits++) {
      const d = line[p]! - ZERO;
      if (significant < MAX_FAST_DIGITS) {
        mantissa = mantissa * 10 + d;
        if (mantissa !== 0) significant++;
      } else {
        exponent++;
        exact = false;
      }
    }
    if (p < length && line[p] === DOT) {
      for (p++; p < length && isDigit(line[p]!); p++, digits++) {
        const d = line[p]! - ZERO;
        if (significant < MAX_FAST_DIGITS) {
          mantissa = mantissa * 10 + d;
          if (mantissa !== 0) significant++;
          exponent--;
        } else if (d !== 0) {
          exact = false;
        }
      }
    }
    if (digits === 0) return -1;
    if (p < length && (line[p] === 0x65 || line[p] === 0x45)) {
      p++;
      let expNegative = false;
      if (p < length && (line[p] === PLUS || line[p] === MINUS)) {
        expNegative = line[p] === MINUS;
        p++;
      }
      let e = 0;
      let expDigits = 0;
      for (; p < length && isDigit(line[p]!); p++, expDigits++) e = Math.min(e * 10 + (line[p]! - ZERO), 100000);
      if (expDigits === 0) return -1;
      exponent += expNegative ? -e : e;
    }
    if (p < length && !isSeparator(line[p]!)) return -1;
    let value: number;
    if (exact && exponent >= 0 && exponent <= 22) value = mantissa * POW10[exponent]!;
    else if (exact && exponent < 0 && exponent >= -22) value = mantissa / POW10[-exponent]!;
    else value = Math.abs(Number(String.fromCharCode(...line.subarray(start, p))));
    if (!Number.isFinite(value)) return -1;
    this.values[slot] = negative ? -value : value;
    return p;
  }
}

const NAME_START = /^[A-Za-z_]/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.\-[\]()/]*$/;

/**
 * The words of a line that could be a header naming the axes (`aX,aY,aZ`, `accX accY accZ`), or
 * undefined when some field is not a name. Allocates: called only for lines that are not numbers.
 */
export function parseNames(line: Uint8Array, length: number): { names: string[]; separator: SeparatorKind } | undefined {
  let text = '';
  for (let i = 0; i < length; i++) {
    const b = line[i]!;
    // Names are ASCII; anything else (boot noise at a wrong baud rate) is not a header.
    if (b > 0x7e || (b < SPACE && b !== TAB && b !== CR)) return undefined;
    text += String.fromCharCode(b);
  }
  const separator: SeparatorKind = text.includes(',') ? 'comma' : 'blank';
  const fields = text.trim().replace(/,\s*$/, '').split(/\s*,\s*|[\s]+/);
  if (fields.length === 0 || fields.some((f) => !NAME_START.test(f) || !NAME.test(f))) return undefined;
  return { names: fields, separator };
}
