import { describe, type Described } from './plan.js';
import { requireBoolean, requireInteger, rejectUnknownOptions } from './validate.js';

export interface FramingOptions {
  /** frame length in samples (per channel) */
  length: number;
  /** hop between frame starts in samples; default = length (no overlap); may exceed length (gaps) */
  hop?: number;
  /** interleaved channel count of the input; default 1 */
  channels?: number;
  /** at end of stream, emit the last partial frame zero-padded; default false (as tf.signal.frame) */
  padEnd?: boolean;
}

export interface FramingPlan extends Described<Required<FramingOptions>> {
  readonly length: number;
  readonly hop: number;
  readonly channels: number;
  readonly padEnd: boolean;
}

const BLOCK = 'framing';

/**
 * Plans cutting a stream into (possibly overlapping) frames.
 * @example
 * const plan = createFramingPlan({ length: 480, hop: 320 }); // 30 ms / 20 ms at 16 kHz
 * frameCount(plan, 16000); // 49
 */
export function createFramingPlan(options: FramingOptions): FramingPlan {
  rejectUnknownOptions(BLOCK, options, ['length', 'hop', 'channels', 'padEnd']);
  const length = requireInteger(BLOCK, 'length', options.length, 1, 1 << 24);
  const hop = requireInteger(BLOCK, 'hop', options.hop ?? length, 1, 1 << 24);
  const channels = requireInteger(BLOCK, 'channels', options.channels ?? 1, 1, 1024);
  const padEnd = requireBoolean(BLOCK, 'padEnd', options.padEnd ?? false);
  return { description: describe(BLOCK, 1, { length, hop, channels, padEnd }), length, hop, channels, padEnd };
}

/** Number of whole frames in a signal of `samples` samples per channel (padEnd adds the partial tail). */
export function frameCount(plan: FramingPlan, samples: number): number {
  // padEnd follows tf.signal.frame(pad_end=True): a frame starts every hop while the start is inside the data.
  if (plan.padEnd) return Math.ceil(samples / plan.hop);
  return samples < plan.length ? 0 : Math.floor((samples - plan.length) / plan.hop) + 1;
}

/** Called with a framer-owned buffer: copy it if you keep it past the call. */
export type FrameCallback = (frame: Float32Array, startIndex: number) => void;

/**
 * Streaming framer: accepts interleaved samples in chunks of any size and calls back once per complete
 * frame. Holds one frame of state; allocation-free after construction.
 */
export class Framer {
  private readonly buffer: Float32Array;
  private fill = 0; // samples (all channels) currently buffered
  private skip = 0; // samples per channel still to drop when hop > length
  private nextStart = 0; // sample index of buffer[0]; while skipping, of the next sample to drop

  constructor(readonly plan: FramingPlan, startIndex = 0) {
    this.buffer = new Float32Array(plan.length * plan.channels);
    this.nextStart = startIndex;
  }

  /** Sample index that the next pushed sample is expected to have. */
  get expectedIndex(): number {
    return this.nextStart + this.fill / this.plan.channels;
  }

  /** Forget buffered samples; the next pushed sample gets index `startIndex`. */
  reset(startIndex = 0): void {
    this.fill = 0;
    this.skip = 0;
    this.nextStart = startIndex;
  }

  push(samples: Float32Array, onFrame: FrameCallback): void {
    const { channels, length, hop } = this.plan;
    const frameSize = length * channels;
    const buffer = this.buffer;
    let pos = 0;
    while (pos < samples.length) {
      if (this.skip > 0) {
        const drop = Math.min(this.skip, (samples.length - pos) / channels);
        pos += drop * channels;
        this.skip -= drop;
        this.nextStart += drop;
        continue;
      }
      const take = Math.min(frameSize - this.fill, samples.length - pos);
      buffer.set(samples.subarray(pos, pos + take), this.fill);
      this.fill += take;
      pos += take;
      if (this.fill === frameSize) {
        onFrame(buffer, this.nextStart);
        this.advance(hop);
      }
    }
  }

  /** End of stream: with padEnd, emits zero-padded frames for every frame start inside the data. */
  flush(onFrame: FrameCallback): void {
    const { channels, hop } = this.plan;
    const end = this.expectedIndex;
    while (this.plan.padEnd && this.fill > 0 && this.skip === 0) {
      this.buffer.fill(0, this.fill);
      onFrame(this.buffer, this.nextStart);
      const real = this.fill / channels;
      if (hop >= real) break;
      this.buffer.copyWithin(0, hop * channels, this.fill);
      this.fill -= hop * channels;
      this.nextStart += hop;
    }
    this.reset(end);
  }

  private advance(hop: number): void {
    const { channels, length } = this.plan;
    if (hop >= length) {
      this.fill = 0;
      this.skip = hop - length;
      this.nextStart += length;
    } else {
      const keep = (length - hop) * channels;
      this.buffer.copyWithin(0, hop * channels, this.fill);
      this.fill = keep;
      this.nextStart += hop;
    }
  }
}

/** Batch framing of a whole signal: one new Float32Array per frame (for tests and small offline jobs). */
export function frameSignal(plan: FramingPlan, samples: Float32Array): Float32Array[] {
  const frames: Float32Array[] = [];
  const framer = new Framer(plan);
  const keep: FrameCallback = (frame) => frames.push(frame.slice());
  framer.push(samples, keep);
  framer.flush(keep);
  return frames;
}
