/**
 * Slides a window of `frames` feature frames (each `width` values) over a frame stream and hands out a
 * normalised, frame-major copy every `stride` frames once it is full: the model's input for streaming.
 * Allocation only for the windows handed out.
 */
export class WindowBuffer {
  private readonly ring: Float32Array;
  private filled = 0;
  private head = 0;
  private sinceLast = 0;
  private emitted = false;

  constructor(
    readonly frames: number,
    readonly width: number,
    readonly stride: number,
    private readonly normalize: (frame: Float32Array) => void,
  ) {
    this.ring = new Float32Array(frames * width);
  }

  /** Adds one frame; returns the window (frames x width) when one is due, else undefined. */
  push(frame: Float32Array): Float32Array | undefined {
    const slot = this.ring.subarray(this.head * this.width, (this.head + 1) * this.width);
    slot.set(frame);
    this.normalize(slot);
    this.head = (this.head + 1) % this.frames;
    if (this.filled < this.frames) this.filled++;
    this.sinceLast++;
    if (this.filled < this.frames) return undefined;
    // The first full window goes out at once; later ones every `stride` frames.
    if (this.emitted && this.sinceLast < this.stride) return undefined;
    this.emitted = true;
    this.sinceLast = 0;
    const out = new Float32Array(this.ring.length);
    const split = this.head * this.width;
    out.set(this.ring.subarray(split), 0);
    out.set(this.ring.subarray(0, split), this.ring.length - split);
    return out;
  }

  reset(): void {
    this.filled = 0;
    this.head = 0;
    this.sinceLast = 0;
    this.emitted = false;
  }
}
