import { open } from 'node:fs/promises';
import { describe, ParameterError, rejectUnknownOptions, requireInteger, requireOneOf, requirePositive, type Described, type SampleChunk } from '@sensorkit/dsp';
import { readSampleBlocks } from './block-reader.js';
import { FormatError } from './errors.js';
import { bytesPerSample, type SampleEncoding } from './sample-codec.js';

export const RAW_ENCODINGS = ['float32', 'int16'] as const;
/** Headerless little-endian samples: float32 as stored, or int16 scaled by 1/32768. */
export type RawEncoding = (typeof RAW_ENCODINGS)[number];

export interface RawReadOptions {
  /** Hz; required, a raw file does not say */
  sampleRate: number;
  /** interleaved channel count; required */
  channels: number;
  /** default 'float32' */
  encoding?: RawEncoding;
  /** frames per emitted chunk; default 4096 */
  chunkFrames?: number;
}

export interface RawReaderPlan extends Described<Required<RawReadOptions>> {
  readonly sampleRate: number;
  readonly channels: number;
  readonly encoding: RawEncoding;
  readonly chunkFrames: number;
}

/** A whole raw file in memory. */
export interface RawData {
  readonly sampleRate: number;
  readonly channels: number;
  readonly samples: Float32Array;
  readonly encoding: RawEncoding;
}

const BLOCK = 'raw-reader';
const CODEC: Record<RawEncoding, SampleEncoding> = { float32: 'float32', int16: 'pcm16' };

/**
 * Checks raw reading options once; sampleRate and channels have no default because the file cannot say.
 * @example
 * const plan = createRawReaderPlan({ sampleRate: 16000, channels: 1, encoding: 'int16' });
 */
export function createRawReaderPlan(options: RawReadOptions): RawReaderPlan {
  rejectUnknownOptions(BLOCK, options ?? {}, ['sampleRate', 'channels', 'encoding', 'chunkFrames']);
  const given = (options ?? {}) as Partial<RawReadOptions>;
  if (given.sampleRate === undefined) throw new ParameterError(BLOCK, 'sampleRate', undefined, 'a rate in Hz > 0 (raw files have no header to read it from)');
  if (given.channels === undefined) throw new ParameterError(BLOCK, 'channels', undefined, 'a channel count >= 1 (raw files have no header to read it from)');
  const sampleRate = requirePositive(BLOCK, 'sampleRate', given.sampleRate);
  const channels = requireInteger(BLOCK, 'channels', given.channels, 1, 65535);
  const encoding = requireOneOf(BLOCK, 'encoding', given.encoding ?? 'float32', RAW_ENCODINGS);
  const chunkFrames = requireInteger(BLOCK, 'chunkFrames', given.chunkFrames ?? 4096, 1, 1 << 24);
  return { description: describe(BLOCK, 1, { sampleRate, channels, encoding, chunkFrames }), sampleRate, channels, encoding, chunkFrames };
}

/** Frame count of a raw file of `bytes` bytes, or a FormatError naming the leftover bytes. */
export function rawFrames(file: string, bytes: number, plan: RawReaderPlan): number {
  const sampleBytes = bytesPerSample(CODEC[plan.encoding]);
  const frameBytes = plan.channels * sampleBytes;
  const leftover = bytes % frameBytes;
  if (leftover !== 0) {
    throw new FormatError(
      file,
      `raw: file size ${bytes} bytes is not a multiple of the ${frameBytes}-byte frame (${plan.channels} channels x ${sampleBytes}-byte ${plan.encoding}); ` +
        `${leftover} bytes left over: check channels and encoding`,
      { offset: bytes - leftover },
    );
  }
  return bytes / frameBytes;
}

/**
 * Streams a headerless little-endian file as SampleChunks of `chunkFrames` frames. A size that is not a
 * whole number of frames is an error before any sample is read: it almost always means the wrong
 * channel count or encoding, and reading on would scramble the channels.
 * @example
 * for await (const c of readRawChunks('accel.f32', { sampleRate: 1000, channels: 3 })) process(c);
 */
export function readRawChunks(path: string, options: RawReadOptions | RawReaderPlan): AsyncGenerator<SampleChunk> {
  const plan = options && 'description' in options ? options : createRawReaderPlan(options);
  return streamRaw(path, plan);
}

async function* streamRaw(path: string, plan: RawReaderPlan): AsyncGenerator<SampleChunk> {
  const fh = await open(path, 'r');
  try {
    const frames = rawFrames(path, (await fh.stat()).size, plan);
    const layout = { file: path, encoding: CODEC[plan.encoding], channels: plan.channels, sampleRate: plan.sampleRate, start: 0, frames };
    yield* readSampleBlocks(fh, layout, plan.chunkFrames);
  } finally {
    await fh.close();
  }
}

/**
 * Reads a whole raw file into one interleaved Float32Array.
 * @example
 * const { samples } = await readRaw('speech.s16', { sampleRate: 16000, channels: 1, encoding: 'int16' });
 */
export async function readRaw(path: string, options: RawReadOptions): Promise<RawData> {
  const plan = createRawReaderPlan({ chunkFrames: 1 << 16, ...options });
  const parts: SampleChunk[] = [];
  for await (const chunk of streamRaw(path, plan)) parts.push(chunk);
  const samples = new Float32Array(parts.reduce((n, c) => n + c.samples.length, 0));
  for (const c of parts) samples.set(c.samples, c.index * plan.channels);
  return { sampleRate: plan.sampleRate, channels: plan.channels, samples, encoding: plan.encoding };
}
