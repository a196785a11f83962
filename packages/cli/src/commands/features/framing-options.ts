import { Option, type Command } from 'commander';
import { WINDOW_TYPES } from '@sensorkit/dsp';
import { duration, formatDuration, positiveInteger, toSamples, type Duration } from '../../parse.js';

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

/** --fft-size and --window, shared by every block that takes a spectrum; `what` names the spectrum in the help. */
export function addSpectrumOptions(command: Command, what = 'analysis'): void {
  command
    .addOption(new Option('--fft-size <n>', `FFT size of the ${what} spectrum in samples, a power of two >= frame length`).argParser(positiveInteger).default(undefined, 'next power of two >= frame length'))
    .addOption(new Option('--window <type>', `${what} window`).choices([...WINDOW_TYPES]).default('hann'));
}
