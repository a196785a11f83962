import { requirePositive, type SampleChunk } from '@sensorkit/dsp';

/** One fixed-length sample cut from a stream. */
export interface CapturedSample {
  /** interleaved readings, exactly round(length * sampleRate) frames */
  readonly samples: Float32Array;
  /** Hz */
  readonly sampleRate: number;
  readonly channels: number;
  /** the stream's sample index of the first reading */
  readonly startIndex: number;
  /** readings missing inside the sample, seen as forward jumps of the chunk index */
  readonly gapSamples: number;
}

/**
 * Cuts fixed-length samples out of a chunk stream, in sample-index time (never the wall clock): pure
 * state, no I/O. `arm()` starts a sample at the next reading pushed; when it is full, `onSample` gets
 * it and the capture goes idle, unless `onSample` arms again, in which case the rest of the same chunk
 * starts the next sample, so back-to-back samples lose no reading.
 * @example
 * const capture = new SampleCapture(1); // 1 s samples
 * capture.arm();
 * capture.push(chunk, (s) => save(s));
 */
export class SampleCapture {
  private armed = false;
  private buffer: Float32Array | undefined;
  private fill = 0;
  private rate = 0;
  private channels = 0;
  private start = 0;
  private nextIndex = 0;
  private gaps = 0;

  constructor(
    /** seconds per sample */
    readonly length: number,
  ) {
    requirePositive('sample-capture', 'length', length);
  }

  /** Starts a new sample at the next reading pushed (a sample in progress is discarded). */
  arm(): void {
    this.armed = true;
    this.buffer = undefined;
  }

  /** Stops capturing and discards a sample in progress. */
  disarm(): void {
    this.armed = false;
    this.buffer = undefined;
  }

  /** True while armed or filling a sample. */
  get active(): boolean {
    return this.armed;
  }

  /** Seconds of signal in the sample being filled (0 when none has started). */
  get capturedSeconds(): number {
    return this.buffer ? this.fill / this.rate : 0;
  }

  /** Feeds one chunk; calls `onSample` for each sample completed; `onNotice` explains discarded readings. */
  push(chunk: SampleChunk, onSample: (sample: CapturedSample) => void, onNotice: (message: string) => void = () => {}): void {
    const frames = chunk.samples.length / chunk.channels;
    if (this.buffer && chunk.index !== this.nextIndex) {
      // A forward jump means readings the source lost; a backward one is a restarted stream (a new CSV segment).
      if (chunk.index > this.nextIndex) this.gaps += chunk.index - this.nextIndex;
      else onNotice(`the stream's sample index went back from ${this.nextIndex} to ${chunk.index}; the sample continues`);
    }
    let offset = 0;
    while (offset < frames && this.armed) {
      if (this.buffer && (chunk.sampleRate !== this.rate || chunk.channels !== this.channels)) {
        onNotice(`the stream changed from ${this.channels} channels at ${this.rate} Hz to ${chunk.channels} at ${chunk.sampleRate} Hz; the sample restarts`);
        this.buffer = undefined;
      }
      if (!this.buffer) this.begin(chunk, offset);
      const buffer = this.buffer!;
      const target = buffer.length / this.channels;
      const take = Math.min(frames - offset, target - this.fill);
      buffer.set(chunk.samples.subarray(offset * this.channels, (offset + take) * this.channels), this.fill * this.channels);
      this.fill += take;
      offset += take;
      this.nextIndex = chunk.index + offset;
      if (this.fill === target) {
        const sample: CapturedSample = { samples: buffer, sampleRate: this.rate, channels: this.channels, startIndex: this.start, gapSamples: this.gaps };
        this.disarm();
        onSample(sample);
      }
    }
  }

  private begin(chunk: SampleChunk, offset: number): void {
    this.rate = chunk.sampleRate;
    this.channels = chunk.channels;
    const target = Math.max(1, Math.round(this.length * chunk.sampleRate));
    this.buffer = new Float32Array(target * chunk.channels);
    this.fill = 0;
    this.start = chunk.index + offset;
    this.nextIndex = this.start;
    this.gaps = 0;
  }
}
