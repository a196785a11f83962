/*
 * Tables for the terminal (aligned columns) and for model cards (Markdown). Rows are plain records, the
 * same objects a command prints with --json, so the two outputs cannot disagree.
 */

export type TableCell = string | number | boolean | null | undefined;
export type TableRow = Readonly<Record<string, TableCell>>;

export interface TableOptions {
  /** column order (default: keys in order of first appearance across rows) */
  columns?: readonly string[];
  /** decimals for non-integer numbers (default 4) */
  digits?: number;
}

/**
 * Rows as an aligned text table with a header and a rule; numbers right-aligned, text left-aligned.
 * @example
 * formatTable([{ fault: 'outer-race', auc: 0.9987 }, { fault: 'inner-race', auc: 1 }]);
 * // fault       auc
 * // ----------  ------
 * // outer-race  0.9987
 * // inner-race       1
 */
export function formatTable(rows: readonly TableRow[], options: TableOptions = {}): string {
  const columns = options.columns ?? columnsOf(rows);
  const cells = rows.map((row) => columns.map((c) => formatCell(row[c], options.digits)));
  const numeric = columns.map((c) => rows.some((r) => typeof r[c] === 'number'));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((r) => r[j].length)));
  const pad = (text: string, j: number): string => (numeric[j] ? text.padStart(widths[j]) : text.padEnd(widths[j]));
  const lines = [
    columns.map((c, j) => pad(c, j)).join('  '),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.map((r) => r.map((text, j) => pad(text, j)).join('  ')),
  ];
  return lines.map((line) => line.trimEnd()).join('\n');
}

/** Rows as a GitHub-flavoured Markdown table (numbers right-aligned). */
export function formatMarkdownTable(rows: readonly TableRow[], options: TableOptions = {}): string {
  const columns = options.columns ?? columnsOf(rows);
  const numeric = columns.map((c) => rows.some((r) => typeof r[c] === 'number'));
  const escape = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${columns.map(escape).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((c) => escape(formatCell(row[c], options.digits))).join(' | ')} |`),
  ].join('\n');
}

/** How a cell prints: integers as they are, other numbers to `digits` decimals, nothing for null/undefined. */
export function formatCell(value: TableCell, digits = 4): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
    return Math.abs(value) < 10 ** -digits ? value.toExponential(2) : value.toFixed(digits);
  }
  return String(value);
}

function columnsOf(rows: readonly TableRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}
