import { ParameterError } from '../errors.js';
import { createFftPlan, type FftPlan } from '../fft.js';
import { inverseReal, realSpectrum } from '../fft/real-core.js';
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
  /**
   * scratch: radix2: the interleaved half spectrum (length + 2 values); bluestein: the spectrum's real
   * parts, which end as H{x} (length values)
   */
  readonly spectrum: Float64Array;
  /** scratch: radix2: H{x}; bluestein: the spectrum's imaginary parts (length values) */
  readonly transformed: Float64Array;
}

const BLOCK = 'hilbert';

/**
 * Plans the FFT-based analytic signal of whole frames of `length` samples, exactly as
 * scipy.signal.hilbert(x) with N = len(x): no padding, for any length (non-powers of two go through
 * Bluestein's algorithm: four complex FFTs of at least 2N - 1 points, about 10x the cost of the next
 * power of two, whose analytic signal costs a real FFT and a real inverse).
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
    // Version 2: the kit's FFT engine and H{x} as a real inverse transform (version 1: fft.js, a complex
    // inverse); outputs differ in the last float32 bits.
    description: describe(BLOCK, 2, { length }),
    length,
    method: pow2 ? 'radix2' : 'bluestein',
    fft: pow2 ? createFftPlan({ size: length }) : undefined,
    dft: pow2 ? undefined : new BluesteinDft(length),
    spectrum: new Float64Array(pow2 ? length + 2 : length),
    transformed: new Float64Array(length),
  };
}

/*
 * scipy's analytic signal is ifft(h X) with h = 1 at DC (and at N/2 for even N), 2 for positive and 0 for
 * negative frequencies. Its real part is x itself and its imaginary part H{x} = ifft(-i sgn(k) X), a real
 * signal, so both methods compute only that: for powers of two a real FFT and a real inverse, about the
 * cost of one complex FFT of N points.
 */

/** Computes H{x} of `input` (plan.length samples) into plan scratch, and returns that array. */
function hilbertInPlan(plan: HilbertPlan, input: Float32Array): Float64Array {
  const n = plan.length;
  const spec = plan.spectrum;
  if (plan.fft) {
    const core = plan.fft.core.real;
    realSpectrum(core, input, spec);
    // -i X[k] = (Im, -Re) for k = 1..N/2-1; DC and Nyquist carry nothing into H{x}.
    spec[0] = spec[1] = spec[n] = spec[n + 1] = 0;
    for (let k = 2; k < n; k += 2) {
      const re = spec[k]!;
      spec[k] = spec[k + 1]!;
      spec[k + 1] = -re;
    }
    inverseReal(core, spec, plan.transformed);
    return plan.transformed;
  }
  const re = spec;
  const im = plan.transformed;
  for (let i = 0; i < n; i++) re[i] = input[i]!;
  im.fill(0);
  plan.dft!.transform(re, im, re, im);
  // -i X[k] for k = 1..(N-1)/2, +i X[k] above N/2; DC (and N/2 for even N) are zeroed.
  const half = Math.floor(n / 2);
  const positiveEnd = n % 2 === 0 ? half : half + 1; // exclusive
  re[0] = im[0] = 0;
  for (let k = 1; k < positiveEnd; k++) {
    const r = re[k]!;
    re[k] = im[k]!;
    im[k] = -r;
  }
  if (n % 2 === 0) re[half] = im[half] = 0;
  for (let k = half + 1; k < n; k++) {
    const r = re[k]!;
    re[k] = -im[k]!;
    im[k] = r;
  }
  plan.dft!.transform(re, im, re, im, true);
  return re;
}

/**
 * Analytic signal x + i H{x} of a frame: `out[2n]`, `out[2n+1]` = real, imaginary part of sample n
 * (`out` holds 2 * plan.length values). Matches scipy.signal.hilbert. No allocation.
 */
export function analyticSignal(plan: HilbertPlan, input: Float32Array, out: Float32Array): void {
  const h = hilbertInPlan(plan, input);
  for (let i = 0; i < plan.length; i++) {
    out[2 * i] = input[i]!;
    out[2 * i + 1] = h[i]!;
  }
}

/** Hilbert envelope |x + i H{x}| of a frame into `out` (plan.length values, same units as the input). No allocation. */
export function computeEnvelope(plan: HilbertPlan, input: Float32Array, out: Float32Array | Float64Array): void {
  const h = hilbertInPlan(plan, input);
  for (let i = 0; i < plan.length; i++) {
    const re = input[i]!;
    const im = h[i]!;
    out[i] = Math.sqrt(re * re + im * im);
  }
}
