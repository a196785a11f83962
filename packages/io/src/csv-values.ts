/* Text <-> number conversions for CSV cells: strict on reading, compact on writing. */

// Plain decimal or scientific notation only: Number() would also take '', '0x1F', 'Infinity' and ' '.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a CSV cell as a finite decimal number (surrounding spaces allowed); undefined otherwise. */
export function parseCsvNumber(cell: string): number | undefined {
  const text = cell.trim();
  if (!NUMBER.test(text)) return undefined;
  return Number(text);
}

/**
 * Shortest decimal text for a number: with `digits`, that many significant digits, trailing zeros
 * dropped; without, the fewest digits (up to 9) that read back to the same float32, which is what
 * Float32Array features hold, so 0.1f prints as 0.1 rather than 0.10000000149011612.
 * @example
 * formatNumber(Math.fround(0.1)); // '0.1'
 * formatNumber(1234.5678, 3);     // '1230'
 */
export function formatNumber(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  if (digits !== undefined) return String(Number(value.toPrecision(digits)));
  const target = Math.fround(value);
  for (let p = 1; p < 9; p++) {
    const text = value.toPrecision(p);
    if (Math.fround(Number(text)) === target) return String(Number(text));
  }
  return String(Number(value.toPrecision(9)));
}

/** Quotes a cell when it holds the separator, a quote or a line break (RFC 4180), doubling inner quotes. */
export function quoteCsvField(cell: string, separator: string): string {
  if (cell.includes(separator) || cell.includes('"') || cell.includes('\n') || cell.includes('\r')) {
    return `"${cell.replaceAll('"', '""')}"`;
  }
  return cell;
}
