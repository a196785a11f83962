import { ParameterError } from '../errors.js';
import { describe } from '../plan.js';
import { rejectUnknownOptions, requireBelowNyquist, requireFinite, requireOneOf, requirePositive } from '../validate.js';
import { sosPlan, type SosPlan } from './sos.js';

export const BIQUAD_TYPES = ['lowpass', 'highpass', 'bandpass', 'notch', 'peaking', 'lowShelf', 'highShelf'] as const;
export type BiquadType = (typeof BIQUAD_TYPES)[number];

/** The types whose response depends on `gainDb`. */
const GAIN_TYPES: readonly BiquadType[] = ['peaking', 'lowShelf', 'highShelf'];

export interface BiquadOptions {
  type: BiquadType;
  /** Hz */
  sampleRate: number;
  /** Hz: corner (lowpass, highpass, shelves) or centre (bandpass, notch, peaking), below Nyquist */
  frequency: number;
  /** quality factor > 0; default 1/sqrt(2) (Butterworth-flat lowpass/highpass, shelf slope S = 1) */
  q?: number;
  /** dB: boost (> 0) or cut (< 0); required for peaking and the shelves, rejected for the others */
  gainDb?: number;
}

/** Normalized biquad coefficients (a0 = 1): y = b0 x + b1 x[-1] + b2 x[-2] - a1 y[-1] - a2 y[-2]. */
export interface BiquadCoefficients {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

export interface BiquadPlan extends SosPlan<BiquadOptions> {
  readonly coefficients: BiquadCoefficients;
}

const BLOCK = 'biquad';

/**
 * Designs one biquad from the RBJ Audio-EQ-Cookbook formulas; the plan is a one-section SOS cascade.
 * The bandpass has 0 dB gain at its centre.
 * @example
 * const hum = createBiquadPlan({ type: 'notch', sampleRate: 16000, frequency: 50, q: 10 });
 * new SosFilter(hum).process(samples, samples);
 */
export function createBiquadPlan(options: BiquadOptions): BiquadPlan {
  rejectUnknownOptions(BLOCK, options, ['type', 'sampleRate', 'frequency', 'q', 'gainDb']);
  const type = requireOneOf(BLOCK, 'type', options.type, BIQUAD_TYPES);
  const sampleRate = requirePositive(BLOCK, 'sampleRate', options.sampleRate);
  const frequency = requireBelowNyquist(BLOCK, 'frequency', options.frequency, sampleRate);
  const q = requirePositive(BLOCK, 'q', options.q ?? Math.SQRT1_2);
  let gainDb = 0;
  if (GAIN_TYPES.includes(type)) {
    gainDb = requireFinite(BLOCK, 'gainDb', options.gainDb);
  } else if (options.gainDb !== undefined) {
    throw new ParameterError(BLOCK, 'gainDb', options.gainDb, `no gainDb for type "${type}" (only for ${GAIN_TYPES.join(', ')})`);
  }
  const coefficients = biquadCoefficients(type, frequency / sampleRate, q, gainDb);
  const { b0, b1, b2, a1, a2 } = coefficients;
  const sections = Float64Array.of(b0, b1, b2, 1, a1, a2);
  // The description omits gainDb where it is meaningless, so it can be fed back to this function.
  const resolved: BiquadOptions = GAIN_TYPES.includes(type) ? { type, sampleRate, frequency, q, gainDb } : { type, sampleRate, frequency, q };
  const plan = sosPlan(describe(BLOCK, 1, resolved), sampleRate, sections);
  return { ...plan, coefficients };
}

/** Cookbook formulas for a normalized frequency (cycles per sample, 0 < f < 0.5); no validation. */
export function biquadCoefficients(type: BiquadType, frequency: number, q: number, gainDb: number): BiquadCoefficients {
  const w0 = 2 * Math.PI * frequency;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  const A = Math.pow(10, gainDb / 40);
  let b: [number, number, number];
  let a: [number, number, number];
  switch (type) {
    case 'lowpass':
      b = [(1 - cos) / 2, 1 - cos, (1 - cos) / 2];
      a = [1 + alpha, -2 * cos, 1 - alpha];
      break;
    case 'highpass':
      b = [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2];
      a = [1 + alpha, -2 * cos, 1 - alpha];
      break;
    case 'bandpass':
      b = [alpha, 0, -alpha];
      a = [1 + alpha, -2 * cos, 1 - alpha];
      break;
    case 'notch':
      b = [1, -2 * cos, 1];
      a = [1 + alpha, -2 * cos, 1 - alpha];
      break;
    case 'peaking':
      b = [1 + alpha * A, -2 * cos, 1 - alpha * A];
      a = [1 + alpha / A, -2 * cos, 1 - alpha / A];
      break;
    case 'lowShelf': {
      const k = 2 * Math.sqrt(A) * alpha;
      b = [A * (A + 1 - (A - 1) * cos + k), 2 * A * (A - 1 - (A + 1) * cos), A * (A + 1 - (A - 1) * cos - k)];
      a = [A + 1 + (A - 1) * cos + k, -2 * (A - 1 + (A + 1) * cos), A + 1 + (A - 1) * cos - k];
      break;
    }
    case 'highShelf': {
      const k = 2 * Math.sqrt(A) * alpha;
      b = [A * (A + 1 + (A - 1) * cos + k), -2 * A * (A - 1 + (A + 1) * cos), A * (A + 1 + (A - 1) * cos - k)];
      a = [A + 1 - (A - 1) * cos + k, 2 * (A - 1 - (A + 1) * cos), A + 1 - (A - 1) * cos - k];
      break;
    }
  }
  const a0 = a[0];
  return { b0: b[0] / a0, b1: b[1] / a0, b2: b[2] / a0, a1: a[1] / a0, a2: a[2] / a0 };
}
