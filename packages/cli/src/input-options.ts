import { Option, type Command } from 'commander';
import type { OpenSignalOptions } from '@sensorkit/io';
import { positiveInteger, positiveNumber } from './parse.js';

/** The options every file-reading command shares: rate and channels for raw files, format, CSV columns. */
export function addInputOptions(command: Command): Command {
  return command
    .option('--rate <hz>', 'sample rate in Hz (required for raw files; for CSV instead of a timestamp column)', positiveNumber)
    .option('--channels <n>', 'channel count (required for raw files)', positiveInteger)
    .addOption(new Option('--input-format <format>', 'input format when the extension does not say: wav, csv, f32 (raw float32 LE), s16 (raw int16 LE)').choices(['wav', 'csv', 'f32', 's16']))
    .option('--columns <names>', 'CSV: comma-separated numeric columns to read (default: all numeric columns)', (v: string) => v.split(',').map((s) => s.trim()))
    .option('--time-column <name>', 'CSV: timestamp column to derive the sample rate from');
}

/** Maps parsed CLI options to @sensorkit/io openSignal options (only those given). */
export function signalOptions(o: Record<string, unknown>): OpenSignalOptions {
  const format = o.inputFormat as string | undefined;
  return {
    ...(o.rate !== undefined ? { sampleRate: o.rate as number } : {}),
    ...(o.channels !== undefined ? { channels: o.channels as number } : {}),
    ...(format === 'wav' || format === 'csv' ? { format } : {}),
    ...(format === 'f32' ? { format: 'raw' as const, encoding: 'float32' as const } : {}),
    ...(format === 's16' ? { format: 'raw' as const, encoding: 'int16' as const } : {}),
    ...(o.columns !== undefined ? { columns: o.columns as string[] } : {}),
    ...(o.timeColumn !== undefined ? { timeColumn: o.timeColumn as string } : {}),
  };
}
