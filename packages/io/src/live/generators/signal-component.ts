/**
 * One term of a generated signal. `add` accumulates the term's samples for frames
 * `index .. index + frames - 1` into `out[offset + f * stride]` (an interleaved buffer: stride = channel
 * count, offset = channel). The samples are a function of the index alone, so any chunking, or any
 * order of calls, gives the same signal.
 */
export interface SignalComponent {
  add(out: Float32Array, index: number, frames: number, stride: number, offset: number): void;
}

/**
 * A term whose samples come from a sequence (a PRNG, a filter's state). It keeps the index it will
 * produce next: contiguous chunks cost nothing extra, a jump ahead draws and discards, a jump back
 * restarts from sample 0. That keeps the signal a function of the index alone.
 */
export abstract class SequentialComponent implements SignalComponent {
  private next = 0;

  /** back to the state before sample 0 */
  protected abstract reset(): void;
  /** the sample at the current position, advancing by one */
  protected abstract step(): number;

  add(out: Float32Array, index: number, frames: number, stride: number, offset: number): void {
    if (index < this.next) {
      this.reset();
      this.next = 0;
    }
    for (; this.next < index; this.next++) this.step();
    for (let f = 0, i = offset; f < frames; f++, i += stride) out[i] += this.step();
    this.next = index + frames;
  }
}
