import type { SampleChunk } from '@sensorkit/dsp';
import { decodeSamples } from '../sample-codec.js';

/** What is left when a PCM byte stream ends: the last partial chunk and bytes that made no whole frame. */
export interface Pcm16Tail {
  /** whole frames not yet delivered (fewer than chunkFrames), or undefined when there are none */
  readonly chunk: SampleChunk | undefined;
  /** bytes of an unfinished frame (an odd byte and/or samples of fewer channels than a frame) */
  readonly leftoverBytes: number;
}

/**
 * Turns raw signed 16-bit little-endian interleaved PCM bytes, split anywhere (odd byte counts, half
 * frames), into SampleChunks of exactly `chunkFrames` frames scaled by 1/32768, as the WAV and raw
 * readers scale PCM16. `index` counts frames from the first byte. Pure: no I/O, one small carry (at
 * most one byte) between pushes, and a new array per chunk so consumers may keep chunks.
 * @example
 * const chunker = new Pcm16Chunker(16000, 1, 1024);
 * stdout.on('data', (bytes) => chunker.push(bytes).forEach(emit));
 */
export class Pcm16Chunker {
  private buffer: Float32Array;
  private filled = 0;
  private index = 0;
  private oddByte = -1;

  constructor(
    readonly sampleRate: number,
    readonly channels: number,
    readonly chunkFrames: number,
  ) {
    this.buffer = new Float32Array(chunkFrames * channels);
  }

  /** Decodes `bytes`; returns the chunks they completed (often none, sometimes several). */
  push(bytes: Uint8Array): SampleChunk[] {
    const out: SampleChunk[] = [];
    let p = 0;
    if (this.oddByte >= 0 && bytes.length > 0) {
      // The low byte came last time; this byte is the high one. Shift up and back to sign-extend.
      const value = (((bytes[0]! << 8) | this.oddByte) << 16) >> 16;
      this.oddByte = -1;
      p = 1;
      this.put(value / 32768, out);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let remaining = (bytes.length - p) >> 1;
    while (remaining > 0) {
      const n = Math.min(remaining, this.buffer.length - this.filled);
      decodeSamples('pcm16', view, p, n, this.buffer, this.filled);
      this.filled += n;
      p += 2 * n;
      remaining -= n;
      if (this.filled === this.buffer.length) this.emit(out);
    }
    if (p < bytes.length) this.oddByte = bytes[p]!;
    return out;
  }

  /** Ends the stream: the whole frames still buffered, and how many bytes were cut mid-frame. */
  flush(): Pcm16Tail {
    const frames = Math.floor(this.filled / this.channels);
    const leftoverBytes = 2 * (this.filled - frames * this.channels) + (this.oddByte >= 0 ? 1 : 0);
    const chunk = frames > 0 ? this.chunkOf(this.buffer.slice(0, frames * this.channels)) : undefined;
    this.buffer = new Float32Array(this.chunkFrames * this.channels);
    this.filled = 0;
    this.oddByte = -1;
    return { chunk, leftoverBytes };
  }

  private put(value: number, out: SampleChunk[]): void {
    this.buffer[this.filled++] = value;
    if (this.filled === this.buffer.length) this.emit(out);
  }

  private emit(out: SampleChunk[]): void {
    out.push(this.chunkOf(this.buffer));
    this.buffer = new Float32Array(this.chunkFrames * this.channels);
    this.filled = 0;
  }

  private chunkOf(samples: Float32Array): SampleChunk {
    const chunk: SampleChunk = { samples, sampleRate: this.sampleRate, channels: this.channels, index: this.index };
    this.index += samples.length / this.channels;
    return chunk;
  }
}
