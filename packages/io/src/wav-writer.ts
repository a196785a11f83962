import { open, type FileHandle } from 'node:fs/promises';
import {
  assertFinite,
  describe,
  InputError,
  rejectUnknownOptions,
  requireBoolean,
  requireInteger,
  requireOneOf,
  type Described,
  type SampleChunk,
} from '@sensorkit/dsp';
import { writeFully } from './positioned-io.js';
import { bytesPerSample, encodeSamples, WRITABLE_ENCODINGS, type WritableEncoding } from './sample-codec.js';
import { buildWavHeader, type WavHeaderBytes } from './wav-header-bytes.js';

export interface WavWriteOptions {
  /** Hz, an integer (WAV stores whole Hz) */
  sampleRate: number;
  /** interleaved channel count, 1..65535 */
  channels: number;
  /** sample format in the file; default 'pcm16' */
  format?: WritableEncoding;
  /** write WAVE_FORMAT_EXTENSIBLE; default: only where the spec asks for it (> 2 channels or > 16 bits) */
  extensible?: boolean;
}

export interface WavWriterPlan extends Described<Required<WavWriteOptions>> {
  readonly sampleRate: number;
  readonly channels: number;
  readonly format: WritableEncoding;
  readonly extensible: boolean;
}

/** What a closed writer put in the file. */
export interface WavWriteResult {
  /** frames (per-channel samples) in the data chunk */
  readonly frames: number;
  /** samples that were outside the integer range and were clipped to it (0 for float32) */
  readonly clippedSamples: number;
  /** file size in bytes */
  readonly bytes: number;
}

const BLOCK = 'wav-writer';
// RIFF sizes are 32-bit; past this the file would need RF64, which this writer does not produce.
const MAX_DATA_BYTES = 0xffffffff - 100;

/**
 * Checks WAV writing options once.
 * @example
 * const plan = createWavWriterPlan({ sampleRate: 16000, channels: 1, format: 'pcm16' });
 */
export function createWavWriterPlan(options: WavWriteOptions): WavWriterPlan {
  rejectUnknownOptions(BLOCK, options, ['sampleRate', 'channels', 'format', 'extensible']);
  const sampleRate = requireInteger(BLOCK, 'sampleRate', options.sampleRate, 1, 0xffffffff, 'Hz; WAV stores whole Hz');
  const channels = requireInteger(BLOCK, 'channels', options.channels, 1, 0xffff);
  const format = requireOneOf(BLOCK, 'format', options.format ?? 'pcm16', WRITABLE_ENCODINGS);
  const extensible = requireBoolean(BLOCK, 'extensible', options.extensible ?? (channels > 2 || bytesPerSample(format) > 2));
  return { description: describe(BLOCK, 1, { sampleRate, channels, format, extensible }), sampleRate, channels, format, extensible };
}

/**
 * Streaming WAV writer: writes a header with placeholder sizes (0xFFFFFFFF) at open, appends each
 * chunk, and patches the RIFF, data and fact sizes on close. Bad input (NaN, wrong channel count) is
 * rejected before a byte of it is written, and close() always patches the header to cover exactly what
 * was written, so an error never corrupts the data already in the file. If the process dies before
 * close, the placeholders tell readers (readWavChunks included) to read to the end of the file.
 * @example
 * const w = await WavWriter.open('out.wav', { sampleRate: 16000, channels: 1, format: 'pcm16' });
 * await w.write(new Float32Array([0, 0.5, -0.5]));
 * const { frames, clippedSamples } = await w.close();
 */
export class WavWriter {
  private dataBytes = 0; // bytes queued for writing
  private writtenBytes = 0; // bytes confirmed on disk; what close() patches in
  private clipped = 0;
  private fh: FileHandle | undefined;
  private readonly header: WavHeaderBytes;
  private readonly ready: Promise<void>;
  private pending: Promise<void>;
  private failure: unknown;
  private result: Promise<WavWriteResult> | undefined;

  private constructor(
    readonly path: string,
    readonly plan: WavWriterPlan,
  ) {
    this.header = buildWavHeader({ encoding: plan.format, channels: plan.channels, sampleRate: plan.sampleRate, extensible: plan.extensible });
    this.ready = this.start();
    this.pending = this.ready;
  }

  /** Creates (or truncates) `path` and writes the provisional header. */
  static async open(path: string, options: WavWriteOptions | WavWriterPlan): Promise<WavWriter> {
    const writer = WavWriter.create(path, options);
    try {
      await writer.ready;
    } catch (err) {
      await writer.close().catch(() => undefined);
      throw err;
    }
    return writer;
  }

  /**
   * Like open, without waiting: writes queue behind the file's creation, so a synchronous producer can
   * write at once; a failure to create the file rejects the first write and close().
   */
  static create(path: string, options: WavWriteOptions | WavWriterPlan): WavWriter {
    return new WavWriter(path, 'description' in options ? options : createWavWriterPlan(options));
  }

  /** Frames written so far (queued writes included). */
  get frames(): number {
    return this.dataBytes / (this.plan.channels * bytesPerSample(this.plan.format));
  }

  /** Samples clipped so far on conversion to integers. */
  get clippedSamples(): number {
    return this.clipped;
  }

  /**
   * Appends interleaved samples (a SampleChunk must match the plan's rate and channel count). Resolves
   * when the bytes are on disk; writes are applied in call order even if not awaited.
   */
  write(input: SampleChunk | Float32Array): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = this.encode(input);
    } catch (err) {
      return Promise.reject(err);
    }
    const position = this.header.dataStart + this.dataBytes;
    this.dataBytes += bytes.length;
    this.pending = this.pending.then(async () => {
      if (this.failure !== undefined) throw this.failure;
      try {
        await writeFully(this.fh!, bytes, position);
        this.writtenBytes += bytes.length;
      } catch (err) {
        this.failure = err;
        throw err;
      }
    });
    return this.pending;
  }

  /** Finishes the file: pad byte, real sizes in the header, handle closed. Safe to call twice. */
  close(): Promise<WavWriteResult> {
    this.result ??= this.finish();
    return this.result;
  }

  /**
   * Throws, synchronously, the InputError that write() would reject `input` with (closed writer, wrong
   * rate or channel count, ragged length, non-finite sample, 4 GiB limit), so a stream can stop at once.
   */
  check(input: SampleChunk | Float32Array): void {
    this.validate(input);
  }

  private validate(input: SampleChunk | Float32Array): Float32Array {
    if (this.result) throw new InputError(BLOCK, `${this.path} is already closed`);
    const { channels, sampleRate, format } = this.plan;
    const samples = input instanceof Float32Array ? input : input.samples;
    const start = input instanceof Float32Array ? this.frames : input.index;
    if (!(input instanceof Float32Array)) {
      if (input.channels !== channels) throw new InputError(BLOCK, `chunk has ${input.channels} channels; ${this.path} has ${channels}`, start);
      if (input.sampleRate !== sampleRate) {
        throw new InputError(BLOCK, `chunk sample rate ${input.sampleRate} Hz; ${this.path} is ${sampleRate} Hz (resample first)`, start);
      }
    }
    if (!(samples instanceof Float32Array)) throw new InputError(BLOCK, 'samples must be a Float32Array', start);
    if (samples.length % channels !== 0) {
      throw new InputError(BLOCK, `${samples.length} samples are not a whole number of ${channels}-channel frames`, start);
    }
    if (this.dataBytes + samples.length * bytesPerSample(format) > MAX_DATA_BYTES) {
      throw new InputError(BLOCK, `${this.path} would exceed the 4 GiB limit of a RIFF WAV file (RF64 is not supported)`, start);
    }
    assertFinite(BLOCK, samples, start, channels);
    return samples;
  }

  private encode(input: SampleChunk | Float32Array): Uint8Array {
    const samples = this.validate(input);
    const bytes = new Uint8Array(samples.length * bytesPerSample(this.plan.format));
    this.clipped += encodeSamples(this.plan.format, samples, new DataView(bytes.buffer), 0);
    return bytes;
  }

  private async start(): Promise<void> {
    const fh = await open(this.path, 'w');
    this.fh = fh;
    await writeFully(fh, this.header.bytes, 0);
  }

  private async finish(): Promise<WavWriteResult> {
    try {
      await this.pending;
    } catch {
      // A failed write stops later ones; the header below still covers everything that did land.
    }
    try {
      await this.ready;
    } catch (err) {
      // The file could not be created or its header not written: nothing to patch.
      await this.fh?.close();
      throw err;
    }
    const fh = this.fh!;
    try {
      const data = this.writtenBytes;
      const pad = data & 1;
      if (pad) await writeFully(fh, new Uint8Array(1), this.header.dataStart + data);
      const total = this.header.dataStart + data + pad;
      await fh.truncate(total);
      const field = new Uint8Array(4);
      const view = new DataView(field.buffer);
      const patch = async (offset: number, value: number): Promise<void> => {
        view.setUint32(0, value, true);
        await writeFully(fh, field, offset);
      };
      const frames = data / (this.plan.channels * bytesPerSample(this.plan.format));
      await patch(this.header.dataSizeOffset, data);
      if (this.header.factOffset >= 0) await patch(this.header.factOffset, frames);
      // RIFF size last: a reader seeing it patched knows every other field is final too.
      await patch(this.header.riffSizeOffset, total - 8);
      return { frames, clippedSamples: this.clipped, bytes: total };
    } finally {
      await fh.close();
    }
  }
}

/**
 * Writes a whole signal to a WAV file in one call.
 * @example
 * await writeWav('tone.wav', { sampleRate: 16000, channels: 1, samples, format: 'float32' });
 */
export async function writeWav(path: string, data: WavWriteOptions & { samples: Float32Array }): Promise<WavWriteResult> {
  const { samples, ...options } = data;
  const plan = createWavWriterPlan(options);
  if (!(samples instanceof Float32Array)) throw new InputError(BLOCK, 'samples must be a Float32Array');
  const writer = await WavWriter.open(path, plan);
  try {
    await writer.write(samples);
  } finally {
    await writer.close();
  }
  return writer.close();
}
