import { once } from 'node:events';
import type { Writable } from 'node:stream';

export type RowFormat = 'csv' | 'jsonl';

/**
 * Writes feature rows (time in seconds first) as CSV or JSON lines. Batches rows into sizeable writes and
 * lets the caller wait for the stream to drain, so a slow consumer never makes memory grow without bound.
 */
export class RowWriter {
  private buffer: string[] = [];
  private bytes = 0;
  private headerDone = false;
  rows = 0;

  constructor(
    private readonly out: Writable,
    private readonly format: RowFormat,
    private readonly columns: readonly string[],
    private readonly digits = 7,
  ) {}

  row(time: number, values: ArrayLike<number>): void {
    if (!this.headerDone) {
      this.headerDone = true;
      if (this.format === 'csv') this.push(['time', ...this.columns].join(','));
    }
    const t = Number(time.toFixed(6));
    if (this.format === 'csv') {
      let line = String(t);
      for (let i = 0; i < values.length; i++) line += `,${compact(values[i]!, this.digits)}`;
      this.push(line);
    } else {
      const record: Record<string, number> = { time: t };
      for (let i = 0; i < values.length; i++) record[this.columns[i] ?? `v${i}`] = Number(compact(values[i]!, this.digits));
      this.push(JSON.stringify(record));
    }
    this.rows++;
  }

  /** Hands buffered rows to the stream; resolves once the stream can take more. */
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const text = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    this.bytes = 0;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  get pendingBytes(): number {
    return this.bytes;
  }

  private push(line: string): void {
    this.buffer.push(line);
    this.bytes += line.length + 1;
  }
}

/** Shortest decimal that keeps `digits` significant digits; non-finite values spelled as JSON cannot. */
function compact(v: number, digits: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  return String(Number(v.toPrecision(digits)));
}
