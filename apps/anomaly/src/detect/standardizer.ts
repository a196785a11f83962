import { InputError } from '@sensorkit/dsp';
import type { Deviation } from '../contracts.js';

/** Per-feature mean and standard deviation of the normal data: z = (x - mean) / std. */
export interface StandardizerJSON {
  names: string[];
  mean: number[];
  std: number[];
}

/**
 * Standardisation learned from normal rows only. A feature that barely moves in normal data gets a
 * floor on its std (1e-6 of its magnitude, at least 1e-12), so any real change of it still reads as a
 * large but finite z.
 */
export class Standardizer {
  private constructor(
    readonly names: readonly string[],
    readonly mean: Float64Array,
    readonly std: Float64Array,
  ) {}

  /** Learns mean and std (population) per feature. */
  static fit(names: readonly string[], rows: readonly Float64Array[]): Standardizer {
    const p = names.length;
    requireRows('standardizer', names, rows, 2);
    const mean = new Float64Array(p);
    const std = new Float64Array(p);
    for (const row of rows) for (let j = 0; j < p; j++) mean[j] += row[j]!;
    for (let j = 0; j < p; j++) mean[j] /= rows.length;
    for (const row of rows) {
      for (let j = 0; j < p; j++) {
        const d = row[j]! - mean[j]!;
        std[j] += d * d;
      }
    }
    for (let j = 0; j < p; j++) std[j] = Math.max(Math.sqrt(std[j]! / rows.length), 1e-6 * Math.abs(mean[j]!), 1e-12);
    return new Standardizer(names, mean, std);
  }

  static fromJSON(json: StandardizerJSON): Standardizer {
    return new Standardizer(json.names, Float64Array.from(json.mean), Float64Array.from(json.std));
  }

  /** z-scores of a row into `out` (allocated when not given). */
  transform(row: Float64Array, out: Float64Array = new Float64Array(row.length)): Float64Array {
    for (let j = 0; j < this.mean.length; j++) out[j] = (row[j]! - this.mean[j]!) / this.std[j]!;
    return out;
  }

  /** The inverse of transform. */
  inverse(z: Float64Array, out: Float64Array = new Float64Array(z.length)): Float64Array {
    for (let j = 0; j < this.mean.length; j++) out[j] = z[j]! * this.std[j]! + this.mean[j]!;
    return out;
  }

  /** The `count` features farthest from normal (largest |z|), largest first. */
  deviations(row: Float64Array, count = 3): Deviation[] {
    const z = this.transform(row);
    const order = Array.from(z.keys()).sort((a, b) => Math.abs(z[b]!) - Math.abs(z[a]!));
    return order.slice(0, count).map((j) => ({ feature: this.names[j]!, z: z[j]! }));
  }

  toJSON(): StandardizerJSON {
    return { names: [...this.names], mean: Array.from(this.mean), std: Array.from(this.std) };
  }
}

/** Checks training rows: at least `min` of them, each with one finite value per feature name. */
export function requireRows(block: string, names: readonly string[], rows: readonly Float64Array[], min: number): void {
  if (rows.length < min) throw new InputError(block, `${rows.length} training windows; need at least ${min} (give more or longer normal recordings)`);
  rows.forEach((row, i) => {
    if (row.length !== names.length) throw new InputError(block, `window ${i} has ${row.length} features; expected ${names.length}`);
    for (let j = 0; j < row.length; j++) {
      if (!Number.isFinite(row[j]!)) throw new InputError(block, `window ${i}, feature "${names[j]}" is ${row[j]}; expected a finite number`);
    }
  });
}
