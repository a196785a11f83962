import { InputError } from './errors.js';

/**
 * A block of samples as sources emit them. Multi-channel data is interleaved
 * (`samples[frame * channels + channel]`). `index` is the per-channel sample index of the first frame of
 * the chunk since the stream began: the kit's clock (seconds = index / sampleRate), so file replays are
 * deterministic whatever the chunk sizes.
 */
export interface SampleChunk {
  readonly samples: Float32Array;
  /** Hz */
  readonly sampleRate: number;
  readonly channels: number;
  /** sample index (per channel) of the first sample in this chunk */
  readonly index: number;
}

/**
 * A fixed-length analysis frame (or any per-frame vector: a spectrum, MFCCs). `index` is the sample
 * index of the first input sample the frame covers; `sampleRate` is the input rate, so
 * `index / sampleRate` is the frame's start time in seconds.
 */
export interface Frame {
  readonly data: Float32Array;
  readonly index: number;
  /** Hz, of the signal the frame was cut from */
  readonly sampleRate: number;
  /** interleaved channel count of `data` (1 for everything past the framing stage) */
  readonly channels: number;
}

/** Number of per-channel sample frames in a chunk. */
export function chunkLength(chunk: SampleChunk): number {
  return chunk.samples.length / chunk.channels;
}

/**
 * Checks a chunk before a stateful block consumes it: shape, rate and finiteness. Streams call this so
 * bad data becomes an error notification that names the sample, instead of NaN spreading silently
 * through filter state.
 */
export function assertChunk(block: string, chunk: SampleChunk, expected: { sampleRate?: number; channels?: number } = {}): void {
  if (!(chunk.samples instanceof Float32Array)) {
    throw new InputError(block, `chunk.samples must be a Float32Array, got ${Object.prototype.toString.call(chunk.samples)}`, chunk.index);
  }
  if (!Number.isInteger(chunk.channels) || chunk.channels < 1) {
    throw new InputError(block, `chunk.channels = ${chunk.channels}; expected an integer >= 1`, chunk.index);
  }
  if (chunk.samples.length % chunk.channels !== 0) {
    throw new InputError(
      block,
      `chunk of ${chunk.samples.length} samples is not a whole number of ${chunk.channels}-channel frames`,
      chunk.index,
    );
  }
  if (expected.sampleRate !== undefined && chunk.sampleRate !== expected.sampleRate) {
    throw new InputError(block, `chunk sample rate ${chunk.sampleRate} Hz; expected ${expected.sampleRate} Hz (resample first)`, chunk.index);
  }
  if (expected.channels !== undefined && chunk.channels !== expected.channels) {
    throw new InputError(block, `chunk has ${chunk.channels} channels; expected ${expected.channels}`, chunk.index);
  }
  assertFinite(block, chunk.samples, chunk.index, chunk.channels);
}

/** Throws an InputError naming the first non-finite sample (by per-channel sample index). */
export function assertFinite(block: string, samples: Float32Array, startIndex = 0, channels = 1): void {
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i]!;
    // v - v is NaN for NaN and ±Infinity, 0 otherwise: one comparison per sample.
    if (v - v !== 0) {
      const at = startIndex + Math.floor(i / channels);
      throw new InputError(block, `sample ${at}${channels > 1 ? ` (channel ${i % channels})` : ''} is ${v}; expected a finite number`, at);
    }
  }
}
