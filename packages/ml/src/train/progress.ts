/*
 * The live training line. Formatting is pure so it can be tested; the printer only decides between
 * rewriting one line in place (a terminal) and appending one line per epoch (a log file or a pipe).
 */

export interface EpochProgress {
  label?: string;
  epoch: number;
  epochs: number;
  loss: number;
  valLoss?: number;
  valAccuracy?: number;
  /** seconds since training began */
  elapsed: number;
}

/** One progress line: "label  epoch 3/20  loss 0.01234  val loss 0.01500  val acc 0.912  ETA 4s". */
export function formatEpochProgress(p: EpochProgress): string {
  const parts: string[] = [];
  if (p.label) parts.push(p.label);
  const width = String(p.epochs).length;
  parts.push(`epoch ${String(p.epoch).padStart(width)}/${p.epochs}`);
  parts.push(`loss ${formatLoss(p.loss)}`);
  if (p.valLoss !== undefined) parts.push(`val loss ${formatLoss(p.valLoss)}`);
  if (p.valAccuracy !== undefined) parts.push(`val acc ${p.valAccuracy.toFixed(3)}`);
  const remaining = p.epoch > 0 ? (p.elapsed / p.epoch) * (p.epochs - p.epoch) : Number.NaN;
  parts.push(p.epoch >= p.epochs ? `took ${formatDuration(p.elapsed)}` : `ETA ${formatDuration(remaining)}`);
  return parts.join('  ');
}

/** Seconds as "850ms", "4.2s", "1m05s", "2h03m". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 1) return `${Math.round(seconds * 1000)}ms`;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

function formatLoss(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4 ? value.toPrecision(4) : value.toExponential(3);
}

/** Writes progress lines to a stream: in place with `\r` on a terminal, one line per epoch otherwise. */
export class ProgressPrinter {
  private readonly tty: boolean;
  private open = false;

  constructor(private readonly stream: NodeJS.WritableStream) {
    this.tty = (stream as { isTTY?: boolean }).isTTY === true;
  }

  line(text: string): void {
    if (this.tty) {
      this.stream.write(`\r${text}\x1b[K`);
      this.open = true;
    } else {
      this.stream.write(`${text}\n`);
    }
  }

  /** Ends an in-place line left open (training failed midway), so the error starts on a line of its own. */
  close(): void {
    if (this.open) this.stream.write('\n');
    this.open = false;
  }

  /** Ends the in-place line (if any) and prints a final line of its own. */
  finish(text: string): void {
    if (this.open) this.stream.write('\n');
    this.open = false;
    this.stream.write(`${text}\n`);
  }
}
