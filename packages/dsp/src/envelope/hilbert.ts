import { ParameterError } from '../errors.js';
import { createFftPlan, type FftPlan } from '../fft.js';
import { describe, type Described } from '../plan.js';
import { isPowerOfTwo, rejectUnknownOptions } from '../validate.js';
import { BluesteinDft } from './bluestein.js';

export interface HilbertOptions {
  /** frame length in samples: any integer in 2..32768, or a power of two up to 65536 */
  length: number;
}

export interface HilbertPlan extends Described<HilbertOptions> {
  readonly length: number;
  /** power-of-two lengths use the real FFT plan directly; other lengths an exact-length chirp-z DFT */
  readonly method: 'radix2' | 'bluestein';
  readonly fft: FftPlan | undefined;
  readonly dft: BluesteinDft | undefined;
  /** interleaved complex scratch: the spectrum, then the analytic signal */
  readonly spectrum: Float64Array;
  readonly analytic: Float64Array;
}

const BLOCK = 'hilbert';

/**
 * Plans the FFT-based analytic signal of whole frames of `length` samples, exactly as
 * scipy.signal.hilbert(x) with N = len(x): no padding, for any length (non-powers of two go through
 * Bluestein's algorithm, about 4x the cost of the next power of two).
 * @example
 * const plan = createHilbertPlan({ length: 1000 });
 * const env = new Float32Array(1000);
 * computeEnvelope(plan, frame, env); // env[n] = |x[n] + i H{x}[n]|
 */
export function createHilbertPlan(options: HilbertOptions): HilbertPlan {
  rejectUnknownOptions(BLOCK, options, ['length']);
  const length = options.length;
  const pow2 = typeof length === 'number' && isPowerOfTwo(length) && length >= 2 && length <= 65536;
  if (!pow2 && (typeof length !== 'number' || !Number.isInteger(length) || length < 2 || length > 32768)) {
    throw new ParameterError(BLOCK, 'length', length, 'an integer in 2..32768 (samples), or a power of two up to 65536');
  }
  return {
    description: describe(BLOCK, 1, { length }),
    length,
    method: pow2 ? 'radix2' : 'bluestein',
    fft: pow2 ? createFftPlan({ size: length }) : undefined,
    dft: pow2 ? undefined : new BluesteinDft(length),
    spectrum: new Float64Array(2 * length),
    analytic: new Float64Array(2 * length),
  };
}

/** Computes the analytic signal of `input` (plan.length samples) into plan.analytic (interleaved re, im). */
function analyticInPlan(plan: HilbertPlan, input: Float32Array): Float64Array {
  const n = plan.length;
  const spec = plan.spectrum;
  if (plan.fft) {
    // The real FFT fills bins 0..N/2, which are all the analytic spectrum keeps.
    plan.fft.engine.realTransform(spec, input);
  } else {
    for (let i = 0; i < n; i++) {
      spec[2 * i] = input[i]!;
      spec[2 * i + 1] = 0;
    }
    plan.dft!.transform(spec, spec);
  }
  // scipy's h: 1 at DC (and at N/2 for even N), 2 for positive frequencies, 0 for negative ones.
  const half = Math.floor(n / 2);
  const positiveEnd = n % 2 === 0 ? half : half + 1; // exclusive
  for (let k = 1; k < positiveEnd; k++) {
    spec[2 * k] = 2 * spec[2 * k]!;
    spec[2 * k + 1] = 2 * spec[2 * k + 1]!;
  }
  spec.fill(0, 2 * (half + 1));
  if (plan.fft) plan.fft.engine.inverseTransform(plan.analytic, spec);
  else plan.dft!.transform(spec, plan.analytic, true);
  return plan.analytic;
}

/**
 * Analytic signal x + i H{x} of a frame: `out[2n]`, `out[2n+1]` = real, imaginary part of sample n
 * (`out` holds 2 * plan.length values). Matches scipy.signal.hilbert. No allocation.
 */
export function analyticSignal(plan: HilbertPlan, input: Float32Array, out: Float32Array): void {
  const z = analyticInPlan(plan, input);
  for (let i = 0; i < 2 * plan.length; i++) out[i] = z[i]!;
}

/** Hilbert envelope |x + i H{x}| of a frame into `out` (plan.length values, same units as the input). No allocation. */
export function computeEnvelope(plan: HilbertPlan, input: Float32Array, out: Float32Array | Float64Array): void {
  const z = analyticInPlan(plan, input);
  for (let i = 0; i < plan.length; i++) {
    const re = z[2 * i]!;
    const im = z[2 * i + 1]!;
    out[i] = Math.sqrt(re * re + im * im);
  }
}
