import type { FileHandle } from 'node:fs/promises';
import type { SampleChunk } from '@sensorkit/dsp';
import { FormatError } from './errors.js';
import { readAt } from './positioned-io.js';
import { bytesPerSample, decodeSamples, type SampleEncoding } from './sample-codec.js';

/** Where interleaved fixed-size sample frames lie in a file (the data chunk of a WAV, a whole raw file). */
export interface SampleBlockLayout {
  /** file name for error messages */
  readonly file: string;
  readonly encoding: SampleEncoding;
  readonly channels: number;
  /** Hz */
  readonly sampleRate: number;
  /** byte offset of the first frame */
  readonly start: number;
  /** number of frames to read */
  readonly frames: number;
}

/**
 * Streams the frames of `layout` from an open file as SampleChunks of at most `chunkFrames` frames
 * (index = frame index from the start of the data). One read buffer is reused for the whole file, so
 * memory stays at one chunk whatever the file size; every chunk gets its own Float32Array, so
 * consumers may keep them. The caller owns (and closes) the handle.
 */
export async function* readSampleBlocks(fh: FileHandle, layout: SampleBlockLayout, chunkFrames: number): AsyncGenerator<SampleChunk> {
  const { channels, encoding, sampleRate } = layout;
  const frameBytes = channels * bytesPerSample(encoding);
  const buffer = new Uint8Array(Math.min(chunkFrames, Math.max(layout.frames, 1)) * frameBytes);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let frame = 0;
  while (frame < layout.frames) {
    const n = Math.min(chunkFrames, layout.frames - frame);
    const position = layout.start + frame * frameBytes;
    const got = await readAt(fh, buffer, n * frameBytes, position);
    if (got < n * frameBytes) {
      // The size was checked when the header was read, so the file shrank while we were reading it.
      throw new FormatError(
        layout.file,
        `file ends after ${position + got} bytes, inside frame ${frame + Math.floor(got / frameBytes)} of ${layout.frames}; was it truncated while being read?`,
        { offset: position + got },
      );
    }
    const samples = new Float32Array(n * channels);
    decodeSamples(encoding, view, 0, n * channels, samples);
    yield { samples, sampleRate, channels, index: frame };
    frame += n;
  }
}
