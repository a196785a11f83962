import type { DatasetEntry, RecordProgress } from '@sensorkit/io';

/**
 * A text progress bar for one sample: label, number, filled blocks, seconds of signal captured.
 * @example
 * formatProgressBar({ label: 'punch', number: 3, count: 10, seconds: 0.6, length: 1, done: 2 }, 10);
 * // "punch 3/10 [██████░░░░] 0.60/1.00 s"
 */
export function formatProgressBar(p: RecordProgress, width = 24): string {
  const fraction = Math.min(1, Math.max(0, p.seconds / p.length));
  const filled = Math.round(fraction * width);
  return `${p.label} ${p.number}/${p.count} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${p.seconds.toFixed(2)}/${p.length.toFixed(2)} s`;
}

/** The line printed when a sample is on disk, with any problem the source reported while it was captured. */
export function formatSaved(entry: DatasetEntry, number: number, count: number): string {
  const problems = sampleProblems(entry);
  return `${entry.label} ${number}/${count}: saved ${entry.file} (${entry.durationSeconds.toFixed(2)} s, ${entry.frames} readings)${problems ? `; ${problems}` : ''}`;
}

/** "3 bad lines, 40 samples lost in gaps" for an entry, or '' when the capture was clean. */
export function sampleProblems(entry: DatasetEntry): string {
  const parts: string[] = [];
  if (entry.badLines) parts.push(`${entry.badLines} bad line${entry.badLines === 1 ? '' : 's'}`);
  if (entry.droppedReadings) parts.push(`${entry.droppedReadings} readings dropped (consumer too slow)`);
  if (entry.gapSamples) parts.push(`${entry.gapSamples} samples lost in gaps`);
  return parts.join(', ');
}

/** Writes progress to a stream: redrawn in place with \r on a terminal, one line per saved sample otherwise. */
export class ProgressReporter {
  private drawn = false;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly tty: boolean,
  ) {}

  /** Redraws the bar (terminal only: a pipe would fill with partial lines). */
  progress(p: RecordProgress): void {
    if (!this.tty) return;
    this.out.write(`\r${formatProgressBar(p)}\x1b[K`);
    this.drawn = true;
  }

  /** A finished sample: replaces the bar on a terminal, a plain line otherwise. */
  saved(entry: DatasetEntry, number: number, count: number): void {
    this.line(formatSaved(entry, number, count));
  }

  /** Any other message, on its own line. */
  line(text: string): void {
    this.out.write(`${this.drawn ? '\r\x1b[K' : ''}${text}\n`);
    this.drawn = false;
  }
}
