/** A chunk waiting to be sent; `sampleRate` is undefined until the rate is detected. */
export interface QueuedChunk {
  readonly samples: Float32Array;
  readonly channels: number;
  readonly index: number;
  sampleRate: number | undefined;
}

/**
 * Groups readings into chunks and holds them until the consumer takes them, within a fixed budget of
 * readings: `total` (queued plus the chunk being filled) never exceeds `maxReadings`. A reading that
 * would go over it drops the oldest queued chunk first (counted in `dropped`); a source that must not
 * lose data checks `total` and pauses its input before that happens. A new chunk starts whenever the
 * channel count, the rate or the index continuity changes, so every chunk is one uniform block.
 * @example
 * const queue = new ChunkQueue(4096, 64, 3);
 * queue.push(values, 3, 0, 100, 0);   // reading 0, 3 channels, 100 Hz, arrived at t = 0 s
 * queue.flush();
 * queue.shift();                      // { samples: Float32Array(3), channels: 3, index: 0, sampleRate: 100 }
 */
export class ChunkQueue {
  /** readings dropped because the budget was full */
  dropped = 0;
  /** most readings held at once (queued + filling): proof that memory stayed bounded */
  highWater = 0;
  private readonly buffer: Float32Array;
  private filling = 0;
  private fillIndex = 0;
  private fillChannels = 0;
  private fillRate: number | undefined;
  private fillStart = 0;
  private readonly entries: QueuedChunk[] = [];
  private head = 0;
  private queuedReadings = 0;

  constructor(
    /** budget in readings (sample frames), queued and filling together */
    readonly maxReadings: number,
    /** most readings per chunk */
    readonly chunkReadings: number,
    maxChannels: number,
  ) {
    this.buffer = new Float32Array(chunkReadings * maxChannels);
  }

  /** Readings held: queued chunks plus the chunk being filled. */
  get total(): number {
    return this.queuedReadings + this.filling;
  }

  /** Readings in the chunk being filled. */
  get fillingReadings(): number {
    return this.filling;
  }

  /** Arrival time (s) of the first reading in the chunk being filled (meaningful when fillingReadings > 0). */
  get fillingSince(): number {
    return this.fillStart;
  }

  /** Whether a queued chunk is ready to send (its rate is known). */
  get ready(): boolean {
    return this.head < this.entries.length && this.entries[this.head]!.sampleRate !== undefined;
  }

  /** Appends one reading (`values[0..channels)`, converted to float32) with its sample index. */
  push(values: Float64Array, channels: number, index: number, sampleRate: number | undefined, time: number): void {
    if (
      this.filling > 0 &&
      (channels !== this.fillChannels || sampleRate !== this.fillRate || index !== this.fillIndex + this.filling)
    ) {
      this.flush();
    }
    while (this.total >= this.maxReadings && this.head < this.entries.length) this.dropOldest();
    if (this.filling === 0) {
      this.fillIndex = index;
      this.fillChannels = channels;
      this.fillRate = sampleRate;
      this.fillStart = time;
    }
    const buffer = this.buffer;
    const at = this.filling * channels;
    for (let c = 0; c < channels; c++) buffer[at + c] = values[c]!;
    this.filling++;
    if (this.total > this.highWater) this.highWater = this.total;
    if (this.filling === this.chunkReadings) this.flush();
  }

  /** Closes the chunk being filled (if any) and queues it. */
  flush(): void {
    if (this.filling === 0) return;
    const samples = this.buffer.slice(0, this.filling * this.fillChannels);
    this.entries.push({ samples, channels: this.fillChannels, index: this.fillIndex, sampleRate: this.fillRate });
    this.queuedReadings += this.filling;
    this.filling = 0;
  }

  /** Gives chunks that were waiting for the rate (queued or filling) their rate. */
  setRate(sampleRate: number): void {
    for (let i = this.head; i < this.entries.length; i++) this.entries[i]!.sampleRate ??= sampleRate;
    if (this.filling > 0) this.fillRate ??= sampleRate;
  }

  /** Takes the oldest queued chunk if it is ready, else undefined. */
  shift(): QueuedChunk | undefined {
    if (!this.ready) return undefined;
    return this.take();
  }

  /** Takes the oldest queued chunk whatever its state (used when closing). */
  take(): QueuedChunk | undefined {
    if (this.head >= this.entries.length) return undefined;
    const chunk = this.entries[this.head]!;
    this.head++;
    this.queuedReadings -= chunk.samples.length / chunk.channels;
    // Compact now and then so the array does not keep what was taken.
    if (this.head > 64 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
    return chunk;
  }

  private dropOldest(): void {
    const chunk = this.take();
    if (chunk) this.dropped += chunk.samples.length / chunk.channels;
  }
}
