import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Writable } from 'node:stream';
import type { OpenSignalOptions } from '@sensorkit/io';
import type { BearingGeometry } from '../contracts.js';
import { BEARINGS, type BearingName } from '../simulator/bearing.js';

/*
 * What the anomaly commands share: their output streams, option parsers that refuse impossible values
 * before any file is read, and the input options of every command that reads signal files.
 */

/** Where a command writes: the process's streams, or in-memory streams in tests. */
export interface CommandIo {
  stdout: Writable;
  stderr: Writable;
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a number > 0.`);
  return n;
}

export function positiveInteger(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`"${value}" is not an integer >= 1.`);
  return Number(value);
}

export function nonNegativeInteger(value: string): number {
  if (!/^\s*\d+\s*$/.test(value)) throw new InvalidArgumentError(`"${value}" is not an integer >= 0.`);
  return Number(value);
}

/** A rate in [0, 0.5): a false-alarm rate or a held-out fraction. */
export function fraction(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n >= 0.5) throw new InvalidArgumentError(`"${value}" is not a fraction in [0, 0.5).`);
  return n;
}

/** A bearing: a known name (skf-6205, skf-6203) or "balls,ballDiameter,pitchDiameter,contactAngle" (mm, degrees). */
export function bearingGeometry(value: string): BearingGeometry {
  const known = BEARINGS[value.trim() as BearingName] as BearingGeometry | undefined;
  if (known) return { ...known };
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) {
    throw new InvalidArgumentError(`"${value}" is not a bearing: give ${Object.keys(BEARINGS).join(' or ')}, or balls,ballDiameter,pitchDiameter,contactAngle (mm, degrees), e.g. 9,7.94,39.04,0.`);
  }
  const [balls, ballDiameter, pitchDiameter, contactAngle] = parts as [number, number, number, number];
  return { balls, ballDiameter, pitchDiameter, contactAngle };
}

/** The options of every command that reads signal files (rate and axes for raw files, CSV columns). */
export function addSignalOptions(command: Command): Command {
  return command
    .option('--rate <hz>', 'sample rate in Hz (required for raw files; for CSV instead of a timestamp column)', positiveNumber)
    .option('--channels <n>', 'axes in the file (required for raw files)', positiveInteger)
    .addOption(new Option('--input-format <format>', 'input format when the extension does not say: wav, csv, f32 (raw float32 LE), s16 (raw int16 LE)').choices(['wav', 'csv', 'f32', 's16']))
    .option('--columns <names>', 'CSV: comma-separated numeric columns to read, one per axis (default: all numeric columns)', (v: string) => v.split(',').map((s) => s.trim()));
}

/** Maps parsed options to @sensorkit/io openSignal options (only those given). */
export function signalOptions(o: Record<string, unknown>): OpenSignalOptions {
  const format = o.inputFormat as string | undefined;
  return {
    ...(o.rate !== undefined ? { sampleRate: o.rate as number } : {}),
    ...(o.channels !== undefined ? { channels: o.channels as number } : {}),
    ...(format === 'wav' || format === 'csv' ? { format } : {}),
    ...(format === 'f32' ? { format: 'raw' as const, encoding: 'float32' as const } : {}),
    ...(format === 's16' ? { format: 'raw' as const, encoding: 'int16' as const } : {}),
    ...(o.columns !== undefined ? { columns: o.columns as string[] } : {}),
  };
}

/** The command line as given (options set on the command line only), for model cards. */
export function commandLine(path: string, command: Command): string {
  const parts = [path];
  for (const option of command.options) {
    const key = option.attributeName();
    if (command.getOptionValueSource(key) !== 'cli') continue;
    const value = command.getOptionValue(key) as unknown;
    const flag = option.long ?? option.short ?? key;
    if (value === true) parts.push(flag);
    else if (Array.isArray(value)) parts.push(flag, ...value.map((v) => quote(typeof v === 'object' ? JSON.stringify(v) : String(v))));
    else if (typeof value === 'object' && value !== null) parts.push(flag, quote(Object.values(value).join(',')));
    else parts.push(flag, quote(String(value)));
  }
  return parts.join(' ');
}

function quote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
