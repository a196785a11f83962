import { basename } from 'node:path';
import { CaptureError } from './capture-error.js';

export const CAPTURE_TOOLS = ['sox', 'arecord'] as const;
/** The capture programs the microphone source knows how to drive. */
export type CaptureTool = (typeof CAPTURE_TOOLS)[number];

/** A program and its arguments; whatever it is, it must write raw s16le interleaved PCM to stdout. */
export interface CaptureCommand {
  readonly file: string;
  readonly args: readonly string[];
}

/** What to run, resolved: the program, its arguments and environment, and a name for messages. */
export interface ResolvedCapture extends CaptureCommand {
  readonly tool: string;
  readonly env: NodeJS.ProcessEnv;
}

export interface CaptureRequest {
  /** Hz */
  readonly sampleRate: number;
  readonly channels: number;
  readonly chunkFrames: number;
  readonly device: string | undefined;
  readonly tool: CaptureTool | undefined;
  readonly command: CaptureCommand | undefined;
  readonly env: NodeJS.ProcessEnv;
}

const INSTALL: Record<CaptureTool, string> = {
  sox: 'install sox (apt-get install sox)',
  arecord: 'install alsa-utils (apt-get install alsa-utils)',
};

/**
 * Chooses the capture program and builds its command line: the injected command as given, else `tool`,
 * else sox when `find` locates it, else arecord. Throws a CaptureError naming what to install.
 * sox: `sox -q --buffer B -d -t raw -r RATE -e signed-integer -b 16 -c CH -` with the device in
 * AUDIODEV (sox's way to pick the `-d` device for any audio driver); arecord:
 * `arecord -q -f S16_LE -r RATE -c CH -t raw [-D DEVICE]`.
 * @example
 * resolveCapture({ sampleRate: 16000, channels: 1, chunkFrames: 1024, env: process.env }, (n) => findExecutable(n, process.env.PATH));
 */
export function resolveCapture(request: CaptureRequest, find: (name: string) => string | undefined): ResolvedCapture {
  const { sampleRate, channels, device, env } = request;
  if (request.command) {
    return { tool: basename(request.command.file), file: request.command.file, args: [...request.command.args], env };
  }
  const tool = request.tool ?? CAPTURE_TOOLS.find((name) => find(name) !== undefined);
  if (tool === undefined) {
    throw new CaptureError('none', `no audio capture tool: ${INSTALL.sox} or alsa-utils (apt-get install alsa-utils)`);
  }
  const file = find(tool);
  if (file === undefined) throw new CaptureError(tool, `"${tool}" is not on PATH: ${INSTALL[tool]}`);
  if (tool === 'sox') {
    // sox's processing buffer sets capture latency: one chunk's worth instead of the 8 KiB default.
    const buffer = Math.max(256, request.chunkFrames * channels * 2);
    const args = ['-q', '--buffer', String(buffer), '-d', '-t', 'raw', '-r', String(sampleRate), '-e', 'signed-integer', '-b', '16', '-c', String(channels), '-'];
    return { tool, file, args, env: device === undefined ? env : { ...env, AUDIODEV: device } };
  }
  const args = ['-q', '-f', 'S16_LE', '-r', String(sampleRate), '-c', String(channels), '-t', 'raw', ...(device === undefined ? [] : ['-D', device])];
  return { tool, file, args, env };
}
