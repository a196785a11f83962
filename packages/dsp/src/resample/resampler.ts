import { resampledLength, type ResamplePlan } from './resample-plan.js';

/**
 * Streaming polyphase resampler over interleaved samples: accepts chunks of any size and writes exactly
 * the samples `resampleSignal` gives for the whole signal (scipy.signal.resample_poly, zeros before the
 * first and after the last sample). Only output samples are computed: each costs `plan.tapsPerPhase`
 * multiply-adds per channel in double precision, whatever `up` is. Channels keep independent histories.
 * The input history buffer is allocated once (grown only when a chunk is larger than any before).
 * @example
 * const r = new Resampler(createResamplePlan({ from: 48000, to: 16000 }));
 * const out = new Float32Array(r.outputLength(chunk.length));
 * const written = r.push(chunk, out);                 // frames written (per channel)
 * const tail = new Float32Array(r.flushLength());     // at end of stream
 * r.flush(tail);
 */
export class Resampler {
  private buffer: Float32Array;
  /** stream index of buffer frame 0: history before the stream start is zeros at negative indices */
  private bufferStart = 0;
  private bufferFrames = 0;
  /** index of the next input frame the caller will push (zero padding in flush not counted) */
  private inputEnd = 0;
  /** next output frame to compute, its newest input frame and its polyphase branch */
  private nextOut = 0;
  private nextNewest = 0;
  private nextPhase = 0;

  constructor(
    readonly plan: ResamplePlan,
    readonly channels = 1,
    expectedChunkFrames = 4096,
  ) {
    const tail = Math.ceil(plan.halfLength / plan.up) + 1;
    this.buffer = new Float32Array((plan.tapsPerPhase + tail + expectedChunkFrames) * channels);
    this.reset();
  }

  /** Forget all history: the next pushed frame is the start of a new signal. */
  reset(): void {
    const { tapsPerPhase, halfLength, up } = this.plan;
    this.buffer.fill(0, 0, (tapsPerPhase - 1) * this.channels);
    this.bufferStart = -(tapsPerPhase - 1);
    this.bufferFrames = tapsPerPhase - 1;
    this.inputEnd = 0;
    this.nextOut = 0;
    this.nextNewest = Math.floor(halfLength / up);
    this.nextPhase = halfLength % up;
  }

  /** Output frames the next `push` of `inputFrames` frames will write. */
  outputLength(inputFrames: number): number {
    const { up, down, halfLength } = this.plan;
    // Output m is ready once its newest input m*down + halfLength (upsampled time) has arrived.
    const ready = Math.ceil(((this.inputEnd + inputFrames) * up - halfLength) / down);
    return Math.max(0, ready - this.nextOut);
  }

  /** Output frames `flush` will write: the filter tail that needs zeros past the end of the input. */
  flushLength(): number {
    return Math.max(0, resampledLength(this.plan, this.inputEnd) - this.nextOut);
  }

  /** Total output frames produced since the last reset. */
  get outputCount(): number {
    return this.nextOut;
  }

  /** Consumes interleaved `input`, writes `outputLength(frames)` interleaved frames to `out`; returns that count. */
  push(input: Float32Array, out: Float32Array): number {
    const ch = this.channels;
    const frames = input.length / ch;
    this.reserve(frames);
    this.buffer.set(input, this.bufferFrames * ch);
    this.bufferFrames += frames;
    this.inputEnd += frames;
    return this.produce(out, Number.MAX_SAFE_INTEGER);
  }

  /** End of signal: writes the remaining `flushLength()` frames (input taken as zeros past its end), then resets. */
  flush(out: Float32Array): number {
    const total = resampledLength(this.plan, this.inputEnd);
    let written = 0;
    if (total > this.nextOut) {
      const { up, down, halfLength } = this.plan;
      const lastNewest = Math.floor(((total - 1) * down + halfLength) / up);
      const zeros = Math.max(0, lastNewest + 1 - (this.bufferStart + this.bufferFrames));
      this.reserve(zeros);
      const ch = this.channels;
      this.buffer.fill(0, this.bufferFrames * ch, (this.bufferFrames + zeros) * ch);
      this.bufferFrames += zeros;
      written = this.produce(out, total);
    }
    this.reset();
    return written;
  }

  /** Computes every ready output frame (below `limit`) into `out`. */
  private produce(out: Float32Array, limit: number): number {
    const { phases, tapsPerPhase: taps, up, down } = this.plan;
    const ch = this.channels;
    const buf = this.buffer;
    const end = this.bufferStart + this.bufferFrames;
    let newest = this.nextNewest;
    let phase = this.nextPhase;
    let m = this.nextOut;
    let o = 0;
    while (newest < end && m < limit) {
      const row = phase * taps;
      const last = (newest - this.bufferStart) * ch;
      for (let c = 0; c < ch; c++) {
        let acc = 0;
        let at = last + c;
        for (let j = 0; j < taps; j++) {
          acc += phases[row + j]! * buf[at]!;
          at -= ch;
        }
        out[o++] = acc;
      }
      m++;
      const t = phase + down;
      newest += Math.floor(t / up);
      phase = t % up;
    }
    this.nextNewest = newest;
    this.nextPhase = phase;
    const written = m - this.nextOut;
    this.nextOut = m;
    return written;
  }

  /** Drops history no output needs any more, then makes room for `frames` more frames (growing at most rarely). */
  private reserve(frames: number): void {
    const ch = this.channels;
    const keepFrom = Math.min(this.nextNewest - (this.plan.tapsPerPhase - 1), this.bufferStart + this.bufferFrames);
    const drop = keepFrom - this.bufferStart;
    if (drop > 0) {
      this.buffer.copyWithin(0, drop * ch, this.bufferFrames * ch);
      this.bufferStart = keepFrom;
      this.bufferFrames -= drop;
    }
    const needed = (this.bufferFrames + frames) * ch;
    if (needed > this.buffer.length) {
      const grown = new Float32Array(Math.max(needed, 2 * this.buffer.length));
      grown.set(this.buffer.subarray(0, this.bufferFrames * ch));
      this.buffer = grown;
    }
  }
}

/**
 * Resamples a whole interleaved signal: equals scipy.signal.resample_poly(x, up, down, axis=0) with its
 * default window and zero padding, edges included. Allocates the output (ceil(n * up / down) frames).
 * @example
 * const y = resampleSignal(createResamplePlan({ from: 48000, to: 16000 }), x); // x: 48 kHz mono
 */
export function resampleSignal(plan: ResamplePlan, samples: Float32Array, channels = 1): Float32Array {
  const frames = samples.length / channels;
  const resampler = new Resampler(plan, channels, frames);
  const out = new Float32Array(resampledLength(plan, frames) * channels);
  const written = resampler.push(samples, out);
  resampler.flush(out.subarray(written * channels));
  return out;
}
