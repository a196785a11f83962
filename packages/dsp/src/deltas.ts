import { describe, type Described } from './plan.js';
import { requireInteger, rejectUnknownOptions } from './validate.js';

export interface DeltaOptions {
  /** values per frame (e.g. the MFCC count) */
  features: number;
  /** regression half-width N in frames; default 2 (HTK, python_speech_features) */
  width?: number;
}

export interface DeltaPlan extends Described<Required<DeltaOptions>> {
  readonly features: number;
  readonly width: number;
  /** 2 * sum_{n=1..N} n^2 */
  readonly denominator: number;
}

const BLOCK = 'deltas';

/**
 * Plans regression deltas: d_t = sum_{n=1..N} n (c_{t+n} - c_{t-n}) / (2 sum n^2), with the first and last
 * frames repeated at the edges (python_speech_features `delta`). Apply twice for delta-deltas.
 * @example
 * const plan = createDeltaPlan({ features: 13 });
 * const d = computeDeltas(plan, mfccRows, frameCount);
 */
export function createDeltaPlan(options: DeltaOptions): DeltaPlan {
  rejectUnknownOptions(BLOCK, options, ['features', 'width']);
  const features = requireInteger(BLOCK, 'features', options.features, 1, 1 << 16);
  const width = requireInteger(BLOCK, 'width', options.width ?? 2, 1, 100);
  let denominator = 0;
  for (let n = 1; n <= width; n++) denominator += 2 * n * n;
  return { description: describe(BLOCK, 1, { features, width }), features, width, denominator };
}

/** Deltas of a whole sequence: `frames` rows of `features` values, row-major; returns the same shape. */
export function computeDeltas(plan: DeltaPlan, rows: Float32Array, frames: number): Float32Array {
  const out = new Float32Array(frames * plan.features);
  const stream = new DeltaStream(plan);
  let t = 0;
  const take = (delta: Float32Array): void => {
    out.set(delta, t++ * plan.features);
  };
  for (let i = 0; i < frames; i++) stream.push(rows.subarray(i * plan.features, (i + 1) * plan.features), take);
  stream.flush(take);
  return out;
}

/**
 * Streaming deltas: emits the delta of frame t once frame t + N has arrived (a latency of N frames), and
 * the last N at flush, using the edge repetition of the batch definition. Ring of 2N + 1 frames; no
 * allocation after construction.
 */
export class DeltaStream {
  private readonly ring: Float32Array;
  private readonly out: Float32Array;
  private readonly size: number;
  private count = 0; // frames pushed
  private emitted = 0;

  constructor(readonly plan: DeltaPlan) {
    this.size = 2 * plan.width + 1;
    this.ring = new Float32Array(this.size * plan.features);
    this.out = new Float32Array(plan.features);
  }

  /** Adds one frame; calls back with a plan-owned delta frame (copy it to keep it) when one is due. */
  push(frame: Float32Array, onDelta: (delta: Float32Array) => void): void {
    this.ring.set(frame.subarray(0, this.plan.features), (this.count % this.size) * this.plan.features);
    this.count++;
    while (this.emitted + this.plan.width < this.count) this.emit(onDelta);
  }

  flush(onDelta: (delta: Float32Array) => void): void {
    while (this.emitted < this.count) this.emit(onDelta);
    this.count = 0;
    this.emitted = 0;
  }

  private emit(onDelta: (delta: Float32Array) => void): void {
    const { features, width, denominator } = this.plan;
    const t = this.emitted;
    const last = this.count - 1;
    const out = this.out;
    out.fill(0);
    for (let n = 1; n <= width; n++) {
      const ahead = (Math.min(t + n, last) % this.size) * features;
      const behind = (Math.max(t - n, 0) % this.size) * features;
      for (let f = 0; f < features; f++) out[f] = out[f]! + n * (this.ring[ahead + f]! - this.ring[behind + f]!);
    }
    for (let f = 0; f < features; f++) out[f] = out[f]! / denominator;
    this.emitted++;
    onDelta(out);
  }
}
