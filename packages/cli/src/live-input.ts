import type { Command } from 'commander';
import { InputError, ParameterError } from '@sensorkit/dsp';
import { generatorSource, openMicrophone, openSerialSource, openSignal, replaySource, resolvePort, type LiveSource } from '@sensorkit/io';
import { positiveInteger, positiveNumber } from './parse.js';

/** A live source opened from command-line flags, with what the commands need to describe it. */
export interface LiveInput {
  readonly source: LiveSource;
  /** for manifests and titles: 'serial:/dev/ttyACM0', 'mic:default', 'generator:sine:440', 'file:take.wav' */
  readonly name: string;
  /** audio (samples in [-1, 1], stored as WAV) or sensor readings (stored as CSV) */
  readonly kind: 'audio' | 'sensor';
}

export interface LiveInputDefaults {
  /** the command, for error messages */
  command: string;
  /** pace --generate and --input in real time unless --realtime / --no-realtime says otherwise */
  realtime: boolean;
}

const INPUTS = ['port', 'mic', 'generate', 'input'] as const;
/** Hz for the microphone and the generator when --rate is not given: what the keyword-spotting models take. */
export const DEFAULT_LIVE_RATE = 16000;

/**
 * The flags every live command shares (monitor, record, and the apps' listen commands): one input of
 * --port, --mic, --generate, --input, plus the options that tune it.
 * @example
 * addLiveInputOptions(new Command('monitor')).action(async (o) => { const input = await openLiveInput(o, { command: 'monitor', realtime: true }); });
 */
export function addLiveInputOptions(command: Command): Command {
  return command
    .option('--port <path|auto>', 'read a board streaming readings over serial: a path (/dev/ttyACM0) or "auto" for the only board attached')
    .option('--baud <n>', 'serial baud rate (default 115200)', positiveInteger)
    .option('--mic', 'capture the microphone (through sox or arecord)')
    .option('--device <name>', 'microphone device, e.g. "hw:1,0" (default: the system default)')
    .option('--generate <spec>', 'synthesize a signal, e.g. "sine:440*0.5+white:0.05" (sine, chirp, logchirp, white, uniform, pink, impulse)')
    .option('--input <file>', 'replay a file: .wav, .csv, raw .f32/.s16 (with --rate and --channels)')
    .option('--rate <hz>', `sample rate in Hz: of the microphone and the generator (default ${DEFAULT_LIVE_RATE}), of raw and CSV files, or of the board instead of detecting it`, positiveNumber)
    .option('--channels <n>', 'channels of the microphone, the generator or a raw file', positiveInteger)
    .option('--realtime', 'pace --generate and --input at their sample rate, like a live sensor')
    .option('--no-realtime', 'run --generate and --input as fast as possible');
}

/**
 * Opens the one live source the flags name. Throws a ParameterError (a usage error, exit code 2) when
 * none or several inputs are given, or an option does not apply to the input chosen.
 * @example
 * const { source, name, kind } = await openLiveInput({ generate: 'sine:440', rate: 8000 }, { command: 'monitor', realtime: true });
 */
export async function openLiveInput(o: Record<string, unknown>, defaults: LiveInputDefaults): Promise<LiveInput> {
  const block = defaults.command;
  const chosen = INPUTS.filter((k) => o[k] !== undefined && o[k] !== false);
  if (chosen.length !== 1) {
    const given = chosen.length ? chosen.map((k) => `--${k}`).join(' ') : 'none';
    throw new ParameterError(block, 'input', given, 'exactly one of --port <path|auto>, --mic, --generate <spec>, --input <file>');
  }
  const input = chosen[0]!;
  const onlyWith = (flag: string, key: string, allowed: readonly (typeof INPUTS)[number][]): void => {
    if (o[key] !== undefined && !allowed.includes(input)) {
      throw new ParameterError(block, flag, o[key], `no ${flag} with --${input}; it applies to ${allowed.map((a) => `--${a}`).join(', ')}`);
    }
  };
  onlyWith('--baud', 'baud', ['port']);
  onlyWith('--device', 'device', ['mic']);
  onlyWith('--channels', 'channels', ['mic', 'generate', 'input']);
  onlyWith('--realtime', 'realtime', ['generate', 'input']);
  const rate = o.rate as number | undefined;
  const channels = o.channels as number | undefined;
  const realtime = (o.realtime as boolean | undefined) ?? defaults.realtime;

  if (input === 'generate') {
    const spec = String(o.generate);
    const sampleRate = rate ?? DEFAULT_LIVE_RATE;
    const source = generatorSource(spec, { sampleRate, ...(channels ? { channels } : {}), realtime, ...chunking(sampleRate, realtime) });
    return { source, name: `generator:${spec}`, kind: 'audio' };
  }
  if (input === 'mic') {
    const device = o.device as string | undefined;
    const source = openMicrophone({ sampleRate: rate ?? DEFAULT_LIVE_RATE, ...(channels ? { channels } : {}), ...(device ? { device } : {}) });
    return { source, name: `mic:${device ?? 'default'}`, kind: 'audio' };
  }
  if (input === 'input') {
    const file = String(o.input);
    const signal = { ...(rate ? { sampleRate: rate } : {}), ...(channels ? { channels } : {}) };
    // Opened once here so a bad file is refused before anything starts, and chunks can be sized to its rate.
    const { info } = await openSignal(file, signal);
    const source = replaySource(file, { realtime, ...signal, ...chunking(info.sampleRate, realtime) });
    return { source, name: `file:${file}`, kind: info.format === 'wav' ? 'audio' : 'sensor' };
  }
  const path = await resolvePort(String(o.port));
  const baudRate = o.baud as number | undefined;
  const source = openSerialSource({ path, ...(baudRate ? { baudRate } : {}), ...(rate ? { sampleRate: rate } : {}) });
  return { source, name: `serial:${path}`, kind: 'sensor' };
}

/** Real-time sources deliver ~20 ms chunks so views move smoothly at any rate; fast ones keep the default size. */
function chunking(sampleRate: number, realtime: boolean): { chunkFrames?: number } {
  return realtime ? { chunkFrames: Math.max(1, Math.min(4096, Math.round(sampleRate / 50))) } : {};
}

/**
 * The error to rethrow from a live command: errors the CLI already reports in one line (bad options, bad
 * data, file errors) pass through; any other source failure (a capture tool that died, a board that went
 * away) becomes an InputError naming the command, so it is one line on stderr and exit code 1, not a stack trace.
 */
export function liveFailure(command: string, err: unknown): unknown {
  if (!(err instanceof Error)) return new InputError(command, String(err));
  if (err instanceof ParameterError || err instanceof InputError || err.name === 'FormatError' || err.name === 'CommanderError') return err;
  const errno = err as NodeJS.ErrnoException;
  if (typeof errno.code === 'string' && errno.syscall !== undefined) return err;
  return new InputError(command, err.message);
}
