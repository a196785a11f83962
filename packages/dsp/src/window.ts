import { describe, type Described, type PlanDescription } from './plan.js';
import { requireBoolean, requireInteger, requireOneOf, rejectUnknownOptions } from './validate.js';

export const WINDOW_TYPES = ['hann', 'hamming', 'blackman', 'rectangular'] as const;
export type WindowType = (typeof WINDOW_TYPES)[number];

export interface WindowOptions {
  /** window shape; default 'hann' */
  type?: WindowType;
  /** length in samples, >= 1 */
  length: number;
  /**
   * true: symmetric (filter design, w[0] = w[N-1]); false (default): periodic, the DFT-even window that
   * spectral analysis wants (scipy `fftbins=True`, `tf.signal.hann_window(periodic=True)`).
   */
  symmetric?: boolean;
}

export interface WindowPlan extends Described<Required<WindowOptions>> {
  readonly coefficients: Float32Array;
}

const BLOCK = 'window';

/**
 * Builds a window table once.
 * @example
 * const w = createWindowPlan({ type: 'hann', length: 480 });
 * applyWindow(w, frame, out); // out[i] = frame[i] * w.coefficients[i]
 */
export function createWindowPlan(options: WindowOptions): WindowPlan {
  rejectUnknownOptions(BLOCK, options, ['type', 'length', 'symmetric']);
  const type = requireOneOf(BLOCK, 'type', options.type ?? 'hann', WINDOW_TYPES);
  const length = requireInteger(BLOCK, 'length', options.length, 1, 1 << 24);
  const symmetric = requireBoolean(BLOCK, 'symmetric', options.symmetric ?? false);
  const description: PlanDescription<Required<WindowOptions>> = describe(BLOCK, 1, { type, length, symmetric });
  return { description, coefficients: windowCoefficients(type, length, symmetric) };
}

/** Window coefficients computed in double precision, stored as float32. */
export function windowCoefficients(type: WindowType, length: number, symmetric: boolean): Float32Array {
  const w = new Float32Array(length);
  if (length === 1) {
    w[0] = 1;
    return w;
  }
  // Periodic windows are the first N points of an (N+1)-point symmetric window.
  const denom = symmetric ? length - 1 : length;
  for (let n = 0; n < length; n++) {
    const x = (2 * Math.PI * n) / denom;
    switch (type) {
      case 'hann':
        w[n] = 0.5 - 0.5 * Math.cos(x);
        break;
      case 'hamming':
        w[n] = 0.54 - 0.46 * Math.cos(x);
        break;
      case 'blackman':
        w[n] = 0.42 - 0.5 * Math.cos(x) + 0.08 * Math.cos(2 * x);
        break;
      case 'rectangular':
        w[n] = 1;
        break;
    }
  }
  return w;
}

/** out[i] = input[i] * window[i] for the window's length; `out` may be `input`. No allocation. */
export function applyWindow(plan: WindowPlan, input: Float32Array, out: Float32Array): void {
  const w = plan.coefficients;
  for (let i = 0; i < w.length; i++) out[i] = input[i]! * w[i]!;
}
