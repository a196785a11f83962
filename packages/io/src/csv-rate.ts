import { formatNumber } from './csv-values.js';

/* Sample rate from a timestamp column: unit detection, median step, regularity check. */

export const TIME_UNITS = ['s', 'ms', 'us', 'auto'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

const UNIT_SECONDS: Record<Exclude<TimeUnit, 'auto'>, number> = { s: 1, ms: 1e-3, us: 1e-6 };

/** Column names taken as the timestamp column when none is named: t, ts, time, timestamp, millis, micros, with a unit suffix. */
export const TIME_COLUMN_NAME = /^(?:t|ts|time|timestamp|millis|micros)(?:[ _-]?\(?(?:s|sec|seconds|ms|us|µs)\)?)?$/i;

/**
 * Decides the unit of a timestamp column: the option when given; else a unit in the column name
 * (`ms`/`millis` -> ms, `us`/`µs`/`micros` -> us, `s`/`sec`/`seconds` -> s); else from the median step:
 * below 1 -> seconds, 1 to 1000 -> milliseconds (1 Hz .. 1 kHz), 1000 and above -> microseconds.
 */
export function detectTimeUnit(option: TimeUnit, columnName: string, medianStep: number): Exclude<TimeUnit, 'auto'> {
  if (option !== 'auto') return option;
  const name = columnName.toLowerCase();
  if (/(?:^|[^a-z])ms\b|millis/.test(name)) return 'ms';
  if (/(?:^|[^a-z])(?:us|µs)\b|micros/.test(name)) return 'us';
  if (/(?:^|[^a-z])(?:s|sec|seconds)\b/.test(name)) return 's';
  if (medianStep < 1) return 's';
  return medianStep < 1000 ? 'ms' : 'us';
}

/** Median of a non-empty list (sorted copy). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A derived rate and the step it implies, in the column's own unit. */
export interface DerivedRate {
  /** Hz, rounded to 6 significant digits so float noise in the timestamps does not leak into it */
  readonly sampleRate: number;
  /** expected step between rows, in the column's unit */
  readonly step: number;
  readonly unit: Exclude<TimeUnit, 'auto'>;
}

/**
 * Rate from timestamp steps: the median step picks the unit and is the yardstick for regularity; the
 * rate is the mean step's inverse, so millisecond timestamps of a 119 Hz IMU (steps of 8 and 9 ms)
 * give 119 Hz rather than the 125 or 111 Hz of the median alone.
 */
export function deriveRate(steps: readonly number[], option: TimeUnit, columnName: string): DerivedRate {
  const mid = median(steps);
  const unit = detectTimeUnit(option, columnName, mid);
  const mean = steps.reduce((a, b) => a + b, 0) / steps.length;
  const sampleRate = Number((1 / (mean * UNIT_SECONDS[unit])).toPrecision(6));
  return { sampleRate, step: mid, unit };
}

/** The problem with one timestamp step, or undefined when it is within `tolerance` (a fraction) of the expected step. */
export function checkStep(step: number, rate: DerivedRate, tolerance: number, column: string): string | undefined {
  if (step > 0 && Math.abs(step - rate.step) <= tolerance * rate.step) return undefined;
  const what = step <= 0 ? 'does not increase' : 'is irregular';
  return (
    `timestamp step of ${formatNumber(step, 6)} ${rate.unit} in column "${column}" ${what}; ` +
    `expected ${formatNumber(rate.step, 6)} ${rate.unit} ± ${formatNumber(tolerance * 100, 3)}% (${formatNumber(rate.sampleRate, 6)} Hz from the median step)`
  );
}
