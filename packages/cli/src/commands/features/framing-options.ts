import { Option, type Command } from 'commander';
import { duration, formatDuration, toSamples, type Duration } from '../../parse.js';

/** --frame-length and --hop, in samples or with a ms / s suffix. */
export function addFramingOptions(command: Command, defaults: { length: Duration; hop: Duration }): void {
  command
    .addOption(new Option('--frame-length <len>', 'frame length: samples, or a time such as 25ms').argParser(duration).default(defaults.length, formatDuration(defaults.length)))
    .addOption(new Option('--hop <len>', 'hop between frame starts: samples, or a time such as 10ms').argParser(duration).default(defaults.hop, formatDuration(defaults.hop)));
}

export function framingSamples(options: Record<string, unknown>, sampleRate: number): { length: number; hop: number } {
  return { length: toSamples(options.frameLength as Duration, sampleRate), hop: toSamples(options.hop as Duration, sampleRate) };
}

/** Smallest power of two >= n. */
export function nextPowerOfTwo(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(2, n)));
}
