import { ParameterError } from '../errors.js';
import { describe, type Described } from '../plan.js';
import { rejectUnknownOptions } from '../validate.js';

export interface FixedNormOptions {
  /** per-feature mean saved with a model (same units as the features) */
  mean: ArrayLike<number>;
  /** per-feature standard deviation, each > 0 */
  std: ArrayLike<number>;
}

export interface FixedNormPlan extends Described<{ mean: number[]; std: number[] }> {
  readonly size: number;
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

const BLOCK = 'fixedNorm';

function requireVector(name: 'mean' | 'std', value: unknown, positive: boolean): Float64Array {
  if (value === null || typeof value !== 'object' || typeof (value as ArrayLike<number>).length !== 'number' || (value as ArrayLike<number>).length < 1) {
    throw new ParameterError(BLOCK, name, value, 'a non-empty array of numbers');
  }
  const v = Float64Array.from(value as ArrayLike<number>);
  for (let i = 0; i < v.length; i++) {
    const x = (value as ArrayLike<unknown>)[i];
    if (typeof x !== 'number' || !Number.isFinite(x) || (positive && x <= 0)) {
      throw new ParameterError(BLOCK, `${name}[${i}]`, x, positive ? 'a finite number > 0' : 'a finite number');
    }
  }
  return v;
}

/**
 * Plans normalisation with frozen statistics, as a model was trained with: out = (x - mean) / std.
 * @example
 * const plan = createFixedNormPlan(runningNormalizer.snapshot()); // or { mean: [...], std: [...] } from a model card
 * applyFixedNorm(plan, features, out);
 */
export function createFixedNormPlan(options: FixedNormOptions): FixedNormPlan {
  rejectUnknownOptions(BLOCK, options, ['mean', 'std']);
  const mean = requireVector('mean', options.mean, false);
  const std = requireVector('std', options.std, true);
  if (std.length !== mean.length) throw new ParameterError(BLOCK, 'std', options.std, `${mean.length} values, one per mean`);
  return { description: describe(BLOCK, 1, { mean: Array.from(mean), std: Array.from(std) }), size: mean.length, mean, std };
}

/** out[i] = (input[i] - mean[i]) / std[i] for the plan's size; `out` may be `input`. No allocation. */
export function applyFixedNorm(plan: FixedNormPlan, input: Float32Array, out: Float32Array): void {
  const { mean, std } = plan;
  for (let i = 0; i < plan.size; i++) out[i] = (input[i]! - mean[i]!) / std[i]!;
}
