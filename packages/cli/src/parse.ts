import { InvalidArgumentError } from 'commander';

/*
 * Option value parsers for commander: each rejects an impossible value with a message saying what was
 * expected, so `sensorkit features mfcc --bands -3` fails before any file is opened.
 */

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a number > 0.`);
  return n;
}

export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a number >= 0.`);
  return n;
}

export function finiteNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`"${value}" is not a finite number.`);
  return n;
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1) throw new InvalidArgumentError(`"${value}" is not an integer >= 1.`);
  return n;
}

export function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`"${value}" is not an integer >= 0.`);
  return Number(value);
}

/** Comma-separated positive numbers, e.g. band edges "0,500,1000,4000". */
export function numberList(value: string): number[] {
  const parts = value.split(',').map((p) => p.trim());
  const numbers = parts.map(Number);
  const bad = parts.findIndex((p, i) => p === '' || !Number.isFinite(numbers[i]!));
  if (bad >= 0) throw new InvalidArgumentError(`"${parts[bad]}" in "${value}" is not a number.`);
  return numbers;
}

/** A duration: plain samples ("400"), or seconds with a unit ("25ms", "0.025s"). */
export type Duration = { samples: number } | { seconds: number };

export function duration(value: string): Duration {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/.exec(value);
  if (!m) throw new InvalidArgumentError(`"${value}" is not a length: give samples (400) or a time (25ms, 0.025s).`);
  const n = Number(m[1]);
  if (n <= 0) throw new InvalidArgumentError(`"${value}" must be > 0.`);
  if (!m[2]) {
    if (!Number.isInteger(n)) throw new InvalidArgumentError(`"${value}" samples must be a whole number (or add ms / s).`);
    return { samples: n };
  }
  return { seconds: m[2] === 'ms' ? n / 1000 : n };
}

/** Samples at `sampleRate` for a duration (rounded to the nearest sample, at least 1). */
export function toSamples(d: Duration, sampleRate: number): number {
  return 'samples' in d ? d.samples : Math.max(1, Math.round(d.seconds * sampleRate));
}

export function formatDuration(d: Duration): string {
  return 'samples' in d ? `${d.samples} samples` : `${d.seconds * 1000} ms`;
}
