import { rejectUnknownOptions, requireInteger, requireOneOf, ParameterError } from '@sensorkit/dsp';
import { CAPTURE_TOOLS, resolveCapture, type CaptureCommand, type CaptureRequest, type CaptureTool, type ResolvedCapture } from './capture-command.js';
import { CaptureError } from './capture-error.js';
import { spawnCapture, type CaptureExit } from './capture-process.js';
import { createLiveSource, type LiveSink, type LiveStop } from './create-live-source.js';
import { findExecutable } from './find-executable.js';
import type { LiveSource } from './live-source.js';
import { Pcm16Chunker } from './pcm16-chunker.js';

export interface MicrophoneOptions {
  /** Hz; default 16000 */
  sampleRate?: number;
  /** default 1 */
  channels?: number;
  /** capture device: sox's AUDIODEV (e.g. "hw:1,0", "default") or arecord's -D; default the system default */
  device?: string;
  /** capture program; default sox when it is on PATH, else arecord */
  tool?: CaptureTool;
  /** run this instead of sox/arecord: it must write raw s16le PCM at `sampleRate` and `channels` to stdout */
  command?: CaptureCommand;
  /** frames per chunk; default 1024 (64 ms at 16 kHz) */
  chunkFrames?: number;
  /** environment of the capture process, and the PATH searched for the tool; default process.env */
  env?: NodeJS.ProcessEnv;
  /** ms without a byte of audio before the source fails (device gone, tool hung); default 5000 */
  stallTimeoutMs?: number;
  /** ms between SIGTERM and SIGKILL when closing; default 2000 */
  killTimeoutMs?: number;
}

const BLOCK = 'microphone';
const KNOWN = ['sampleRate', 'channels', 'device', 'tool', 'command', 'chunkFrames', 'env', 'stallTimeoutMs', 'killTimeoutMs'];

/** Checked microphone options with defaults filled in. */
export interface MicrophonePlan extends CaptureRequest {
  readonly stallTimeoutMs: number;
  readonly killTimeoutMs: number;
}

/** Validates microphone options (ParameterError naming the option) and fills in defaults. */
export function createMicrophonePlan(options: MicrophoneOptions = {}): MicrophonePlan {
  rejectUnknownOptions(BLOCK, options, KNOWN);
  const command = options.command;
  if (command !== undefined) {
    const valid = typeof command === 'object' && typeof command.file === 'string' && command.file !== '' && Array.isArray(command.args) && command.args.every((a) => typeof a === 'string');
    if (!valid) throw new ParameterError(BLOCK, 'command', command, '{ file: string; args: string[] }');
    for (const key of ['tool', 'device'] as const) {
      if (options[key] !== undefined) throw new ParameterError(BLOCK, key, options[key], `no ${key} with an injected command: the command chooses its own device`);
    }
  }
  if (options.device !== undefined && (typeof options.device !== 'string' || options.device === '')) {
    throw new ParameterError(BLOCK, 'device', options.device, 'a non-empty device name such as "hw:1,0" or "default"');
  }
  return {
    sampleRate: requireInteger(BLOCK, 'sampleRate', options.sampleRate ?? 16000, 1000, 384000, 'Hz'),
    channels: requireInteger(BLOCK, 'channels', options.channels ?? 1, 1, 32),
    chunkFrames: requireInteger(BLOCK, 'chunkFrames', options.chunkFrames ?? 1024, 1, 1 << 20),
    device: options.device,
    tool: options.tool === undefined ? undefined : requireOneOf(BLOCK, 'tool', options.tool, CAPTURE_TOOLS),
    command,
    env: options.env ?? process.env,
    stallTimeoutMs: requireInteger(BLOCK, 'stallTimeoutMs', options.stallTimeoutMs ?? 5000, 100, 600_000, 'ms'),
    killTimeoutMs: requireInteger(BLOCK, 'killTimeoutMs', options.killTimeoutMs ?? 2000, 10, 60_000, 'ms'),
  };
}

/**
 * Captures audio from a microphone through sox or arecord (or an injected command) as a LiveSource of
 * SampleChunks: s16le PCM scaled by 1/32768, exactly `chunkFrames` frames per chunk, index counting
 * frames since capture began. The tool starts on the first subscription to `chunks`. A missing tool, a
 * tool that exits (no device: its last stderr lines are in the message) or goes silent for
 * `stallTimeoutMs` becomes a 'disconnected' event and a CaptureError notification; `close()` sends
 * SIGTERM, then SIGKILL after `killTimeoutMs`, and resolves once the process is reaped.
 * @example
 * const mic = openMicrophone({ sampleRate: 16000 });
 * mic.chunks.subscribe((c) => console.log(c.index / c.sampleRate, rms(c.samples)));
 * setTimeout(() => void mic.close(), 5000);
 */
export function openMicrophone(options: MicrophoneOptions = {}): LiveSource {
  const plan = createMicrophonePlan(options);
  const axes = Array.from({ length: plan.channels }, (_, c) => `ch${c}`);
  return createLiveSource(BLOCK, (sink) => startCapture(plan, sink), { sampleRate: plan.sampleRate, axes });
}

function startCapture(plan: MicrophonePlan, sink: LiveSink): LiveStop {
  let resolved: ResolvedCapture;
  try {
    resolved = resolveCapture(plan, (name) => findExecutable(name, plan.env.PATH));
  } catch (err) {
    sink.fail(err as Error);
    return async () => {};
  }
  const { tool } = resolved;
  const chunker = new Pcm16Chunker(plan.sampleRate, plan.channels, plan.chunkFrames);
  let bytes = 0;
  let stall: NodeJS.Timeout | undefined;
  const armStall = (): void => {
    clearTimeout(stall);
    stall = setTimeout(() => {
      sink.fail(new CaptureError(tool, `no audio from ${tool} for ${plan.stallTimeoutMs} ms after ${bytes} bytes: the device may be gone or busy`));
    }, plan.stallTimeoutMs);
  };

  const proc = spawnCapture(resolved, { killTimeoutMs: plan.killTimeoutMs }, {
    spawned(pid) {
      armStall();
      const ch = plan.channels === 1 ? '1 channel' : `${plan.channels} channels`;
      sink.info(`microphone: started ${tool} for ${plan.sampleRate} Hz, ${ch}, s16le (pid ${pid})`);
    },
    data(data) {
      // Connected means audio flows: a tool can start and still find no device.
      if (bytes === 0) sink.event({ kind: 'connected', message: `microphone: ${tool} is delivering audio` });
      bytes += data.length;
      armStall();
      for (const chunk of chunker.push(data)) sink.chunk(chunk);
    },
    failed(err) {
      clearTimeout(stall);
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'not executable' : err.message;
      sink.fail(new CaptureError(tool, `cannot start "${resolved.file}": ${why}`));
    },
    exited(exit) {
      clearTimeout(stall);
      if (exit.code !== 0) return sink.fail(exitError(tool, exit, bytes));
      const tail = chunker.flush();
      if (tail.chunk) sink.chunk(tail.chunk);
      if (tail.leftoverBytes > 0) sink.info(`microphone: ${tool} ended mid-frame; ${tail.leftoverBytes} trailing bytes dropped`);
      sink.end(`microphone: ${tool} ended after ${bytes} bytes`);
    },
  });
  return async () => {
    clearTimeout(stall);
    await proc.stop();
  };
}

function exitError(tool: string, exit: CaptureExit, bytes: number): CaptureError {
  const how = exit.code !== null ? `exited with code ${exit.code}` : `was killed by ${exit.signal}`;
  const when = bytes === 0 ? ' before any audio (no capture device, or a wrong device name?)' : ` after ${bytes} bytes`;
  const said = exit.stderr.length > 0 ? `: ${exit.stderr.join(' | ')}` : ' (nothing on stderr)';
  return new CaptureError(tool, `${tool} ${how}${when}${said}`, { exitCode: exit.code, signal: exit.signal, stderr: exit.stderr });
}
