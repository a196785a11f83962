import { open } from 'node:fs/promises';
import { describe, rejectUnknownOptions, requireBoolean, requireInteger, ParameterError, type Described, type SampleChunk } from '@sensorkit/dsp';
import { readSampleBlocks, type SampleBlockLayout } from './block-reader.js';
import type { WarningHandler } from './errors.js';
import type { SampleEncoding } from './sample-codec.js';
import { parseWavHeader, type WavHeader } from './wav-header.js';

export interface WavReadOptions {
  /** frames per emitted chunk; default 4096 */
  chunkFrames?: number;
  /** true: a data size larger than the file is an error instead of a warning; default false */
  strict?: boolean;
  /** receives warnings (unpatched or lying sizes); default process.emitWarning */
  onWarning?: WarningHandler;
}

export interface WavReaderPlan extends Described<{ chunkFrames: number; strict: boolean }> {
  readonly chunkFrames: number;
  readonly strict: boolean;
  readonly onWarning: WarningHandler | undefined;
}

/** A whole WAV file in memory. */
export interface WavData {
  /** Hz */
  readonly sampleRate: number;
  readonly channels: number;
  /** interleaved, scaled to [-1, 1) for integer formats */
  readonly samples: Float32Array;
  /** how the file stores its samples */
  readonly format: SampleEncoding;
}

const BLOCK = 'wav-reader';
export const DEFAULT_CHUNK_FRAMES = 4096;

/**
 * Checks WAV reading options once.
 * @example
 * const plan = createWavReaderPlan({ chunkFrames: 1024, strict: true });
 */
export function createWavReaderPlan(options: WavReadOptions = {}): WavReaderPlan {
  rejectUnknownOptions(BLOCK, options, ['chunkFrames', 'strict', 'onWarning']);
  const chunkFrames = requireInteger(BLOCK, 'chunkFrames', options.chunkFrames ?? DEFAULT_CHUNK_FRAMES, 1, 1 << 24);
  const strict = requireBoolean(BLOCK, 'strict', options.strict ?? false);
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function') {
    throw new ParameterError(BLOCK, 'onWarning', options.onWarning, 'a function (message: string) => void');
  }
  return { description: describe(BLOCK, 1, { chunkFrames, strict }), chunkFrames, strict, onWarning: options.onWarning };
}

/**
 * Streams a WAV file as interleaved Float32 SampleChunks of `chunkFrames` frames (index = frame
 * index), reading at offsets so a file of any size costs one chunk of memory. The file opens on the
 * first `next()` and closes when the loop ends, breaks or throws; options are checked at the call.
 * Scaling: 8-bit (x - 128) / 128, 16-bit x / 32768, 24-bit x / 2^23, 32-bit x / 2^31; float as stored.
 * @example
 * for await (const chunk of readWavChunks('clip.wav', { chunkFrames: 1024 })) total += chunk.samples.length;
 */
export function readWavChunks(path: string, options: WavReadOptions | WavReaderPlan = {}): AsyncGenerator<SampleChunk> {
  const plan = 'description' in options ? options : createWavReaderPlan(options);
  return streamWav(path, plan);
}

async function* streamWav(path: string, plan: WavReaderPlan): AsyncGenerator<SampleChunk> {
  const fh = await open(path, 'r');
  try {
    const header: WavHeader = await parseWavHeader(fh, path, headerOptions(plan));
    yield* readSampleBlocks(fh, dataLayout(path, header), plan.chunkFrames);
  } finally {
    await fh.close();
  }
}

/**
 * Reads a whole WAV file into one interleaved Float32Array (see readWavChunks for the scaling).
 * @example
 * const { sampleRate, channels, samples, format } = await readWav('clip.wav'); // 16000, 1, Float32Array, 'pcm16'
 */
export async function readWav(path: string, options: WavReadOptions = {}): Promise<WavData> {
  const plan = createWavReaderPlan({ chunkFrames: 1 << 16, ...options });
  const fh = await open(path, 'r');
  try {
    const header = await parseWavHeader(fh, path, headerOptions(plan));
    const samples = new Float32Array(header.frames * header.channels);
    for await (const chunk of readSampleBlocks(fh, dataLayout(path, header), plan.chunkFrames)) samples.set(chunk.samples, chunk.index * header.channels);
    return { sampleRate: header.sampleRate, channels: header.channels, samples, format: header.encoding };
  } finally {
    await fh.close();
  }
}

function headerOptions(plan: WavReaderPlan): { strict: boolean; onWarning?: WarningHandler } {
  return plan.onWarning ? { strict: plan.strict, onWarning: plan.onWarning } : { strict: plan.strict };
}

function dataLayout(file: string, h: WavHeader): SampleBlockLayout {
  return { file, encoding: h.encoding, channels: h.channels, sampleRate: h.sampleRate, start: h.dataOffset, frames: h.frames };
}
