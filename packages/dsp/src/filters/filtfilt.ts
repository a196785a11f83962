import { assertFinite } from '../chunk.js';
import { InputError } from '../errors.js';
import { requireInteger } from '../validate.js';
import { SosFilter, sosSteadyState, type SosPlan } from './sos.js';

export interface FiltfiltOptions {
  /** samples of odd extension at each end; default 3 * (2 * sections + 1 - first-order sections), as scipy */
  padLength?: number;
}

const BLOCK = 'filtfilt';

/** scipy's default pad: three times the effective number of taps (a trailing-zero section counts one less). */
export function defaultPadLength(plan: SosPlan): number {
  const c = plan.sections;
  let b2Zero = 0;
  let a2Zero = 0;
  for (let k = 0; k < c.length; k += 6) {
    if (c[k + 2] === 0) b2Zero++;
    if (c[k + 5] === 0) a2Zero++;
  }
  return 3 * (2 * plan.sectionCount + 1 - Math.min(b2Zero, a2Zero));
}

/**
 * Zero-phase filtering of a whole (mono) signal: forward then backward through the SOS cascade, so
 * the magnitude response is squared and the phase cancels. Matches `scipy.signal.sosfiltfilt` (odd
 * extension at both ends, each pass started in steady state from its edge value). Offline only: it
 * needs the end of the signal before it can emit the start.
 * @example
 * const smooth = filtfilt(createButterworthPlan({ type: 'lowpass', order: 4, sampleRate: 100, cutoff: 5 }), accelX);
 */
export function filtfilt(plan: SosPlan, signal: Float32Array, options: FiltfiltOptions = {}): Float32Array {
  const pad = requireInteger(BLOCK, 'padLength', options.padLength ?? defaultPadLength(plan), 0);
  const n = signal.length;
  if (n <= pad) {
    throw new InputError(BLOCK, `signal of ${n} samples is too short; it needs more than padLength = ${pad} samples (${n === 0 ? 'empty' : 'use a shorter padLength'})`);
  }
  assertFinite(BLOCK, signal);
  // Odd extension rounded to the input's float32 precision, as scipy computes it for float32 input.
  const ext = new Float64Array(n + 2 * pad);
  const first = signal[0]!;
  const last = signal[n - 1]!;
  for (let i = 0; i < pad; i++) {
    ext[i] = Math.fround(2 * first - signal[pad - i]!);
    ext[pad + n + i] = Math.fround(2 * last - signal[n - 2 - i]!);
  }
  ext.set(signal, pad);

  const zi = sosSteadyState(plan);
  const filter = new SosFilter(plan);
  const start = (edge: number): void => filter.setState(zi.map((v) => v * edge));
  start(ext[0]!);
  filter.process(ext, ext);
  ext.reverse();
  start(ext[0]!);
  filter.process(ext, ext);
  ext.reverse();
  return Float32Array.from(ext.subarray(pad, pad + n));
}
