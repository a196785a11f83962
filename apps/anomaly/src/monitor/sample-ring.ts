/** The last `length` samples of a stream, read out oldest first. */
export class SampleRing {
  private readonly data: Float32Array;
  private readonly linear: Float32Array;
  private written = 0;

  constructor(readonly length: number) {
    this.data = new Float32Array(length);
    this.linear = new Float32Array(length);
  }

  push(samples: Float32Array): void {
    for (let i = 0; i < samples.length; i++) this.data[(this.written + i) % this.length] = samples[i]!;
    this.written += samples.length;
  }

  /** true once `length` samples have been pushed */
  get full(): boolean {
    return this.written >= this.length;
  }

  /** The buffered samples in time order (a view of a ring-owned array: copy it to keep it). */
  ordered(): Float32Array {
    const at = this.written % this.length;
    this.linear.set(this.data.subarray(at), 0);
    this.linear.set(this.data.subarray(0, at), this.length - at);
    return this.linear;
  }
}
