import { describe, type Described } from './plan.js';
import { requireInRange, requireOneOf, requirePositive, rejectUnknownOptions } from './validate.js';

export interface DecibelOptions {
  /** what the input holds: 'power' (10 log10) or 'magnitude' (20 log10); default 'power' */
  input?: 'power' | 'magnitude';
  /** reference value mapped to 0 dB; default 1 */
  ref?: number;
  /** smallest input considered (avoids -Infinity for silent bins); default 1e-10 (librosa's amin) */
  floor?: number;
  /** if > 0, clamp the output to (max over the vector - topDb); default 0 = no clamp */
  topDb?: number;
}

export interface DecibelPlan extends Described<Required<DecibelOptions>> {
  readonly gain: number;
  readonly offset: number;
}

const BLOCK = 'decibels';

/**
 * Plans a conversion to decibels: out = gain * log10(max(x, floor)) - gain * log10(ref), gain 10 for power, 20 for magnitude.
 * @example
 * const db = createDecibelPlan({ input: 'power', topDb: 80 });
 * toDecibels(db, power, out);
 */
export function createDecibelPlan(options: DecibelOptions = {}): DecibelPlan {
  rejectUnknownOptions(BLOCK, options, ['input', 'ref', 'floor', 'topDb']);
  const input = requireOneOf(BLOCK, 'input', options.input ?? 'power', ['power', 'magnitude'] as const);
  const ref = requirePositive(BLOCK, 'ref', options.ref ?? 1);
  const floor = requirePositive(BLOCK, 'floor', options.floor ?? 1e-10);
  const topDb = requireInRange(BLOCK, 'topDb', options.topDb ?? 0, 0, 1000);
  const gain = input === 'power' ? 10 : 20;
  return { description: describe(BLOCK, 1, { input, ref, floor, topDb }), gain, offset: gain * Math.log10(ref) };
}

/** Decibels of `input` into `out` (same length; may be the same array). No allocation. */
export function toDecibels(plan: DecibelPlan, input: Float32Array, out: Float32Array): void {
  const { gain, offset } = plan;
  const { floor, topDb } = plan.description.options;
  let max = -Infinity;
  for (let i = 0; i < input.length; i++) {
    const v = input[i]!;
    const db = gain * Math.log10(v > floor ? v : floor) - offset;
    out[i] = db;
    if (db > max) max = db;
  }
  if (topDb > 0) {
    const lowest = max - topDb;
    for (let i = 0; i < input.length; i++) if (out[i]! < lowest) out[i] = lowest;
  }
}
