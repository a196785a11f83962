import { describe, type Described } from './plan.js';
import { requirePowerOfTwo, rejectUnknownOptions } from './validate.js';
import { complexTransform, FftCore, type FloatArray } from './fft/fft-core.js';
import { inverseReal, realPower, realSpectrum } from './fft/real-core.js';

export type { FloatArray } from './fft/fft-core.js';

/*
 * Public FFT API. The engine (src/fft/) is this kit's own float64 FFT: generated straight-line codelets
 * plus radix-4 passes, with the real split fused into the last pass. It replaced fft.js as the engine
 * (about 2x faster on 512 points, see bench/fft.bench.ts); fft.js stays as the test cross-check and
 * the bench baseline.
 */

export interface FftOptions {
  /** transform length in samples: a power of two in 2..65536 */
  size: number;
}

export interface FftPlan extends Described<FftOptions> {
  readonly size: number;
  /** number of non-redundant bins of a real input: size / 2 + 1 (DC .. Nyquist) */
  readonly bins: number;
  /** tables and scratch of this kit's FFT engine: a plan is not shared between concurrent callers */
  readonly core: FftCore;
}

const BLOCK = 'fft';

/**
 * Plans an FFT of `size` points (real or complex). Bin k is at k * sampleRate / size Hz.
 * @example
 * const plan = createFftPlan({ size: 512 });
 * const spectrum = new Float32Array(2 * plan.bins); // [re0, im0, re1, im1, ...]
 * realFft(plan, frame, spectrum);
 */
export function createFftPlan(options: FftOptions): FftPlan {
  rejectUnknownOptions(BLOCK, options, ['size']);
  const size = requirePowerOfTwo(BLOCK, 'size', options.size, 2, 65536);
  // Version 2: own float64 engine (version 1 wrapped fft.js); spectra differ in the last float32 bits.
  return {
    description: describe(BLOCK, 2, { size }),
    size,
    bins: size / 2 + 1,
    core: new FftCore(size),
  };
}

/**
 * Half-spectrum of a real frame: `out[2k]`, `out[2k+1]` = Re, Im of bin k for k = 0..size/2, unnormalised
 * (numpy `rfft` convention). `input` holds `size` samples; shorter frames must be zero-padded by the
 * caller. Writes exactly 2 * bins values; no allocation.
 */
export function realFft(plan: FftPlan, input: Float32Array, out: Float32Array): void {
  realSpectrum(plan.core.real, input, out);
}

/**
 * Power spectrum |X[k]|^2 for k = 0..size/2 (`out` holds `bins` values), straight from the frame
 * without an intermediate complex spectrum: the MFCC hot path.
 * @example
 * const plan = createFftPlan({ size: 512 });
 * const power = new Float32Array(plan.bins);
 * powerSpectrum(plan, paddedFrame, power);
 */
export function powerSpectrum(plan: FftPlan, input: Float32Array, out: Float32Array): void {
  realPower(plan.core.real, input, out);
}

/** Magnitude spectrum |X[k]| for k = 0..size/2 (`out` holds `bins` values). */
export function magnitudeSpectrum(plan: FftPlan, input: Float32Array, out: Float32Array): void {
  realPower(plan.core.real, input, out);
  for (let k = 0; k < plan.bins; k++) out[k] = Math.sqrt(out[k]!);
}

/** Centre frequency in Hz of bin k at `sampleRate` Hz. */
export function binFrequency(plan: FftPlan, k: number, sampleRate: number): number {
  return (k * sampleRate) / plan.size;
}

/**
 * Inverse of realFft: `size` real samples from the interleaved half spectrum (2 * bins values), scaled
 * by 1/size so that inverseRealFft(realFft(x)) = x (numpy `irfft` convention). The imaginary parts of
 * bins 0 and size/2 are ignored, as a real signal has none.
 * @example
 * realFft(plan, frame, spectrum);
 * inverseRealFft(plan, spectrum, frameAgain);
 */
export function inverseRealFft(plan: FftPlan, spectrum: Float32Array, out: Float32Array): void {
  inverseReal(plan.core.real, spectrum, out);
}

/**
 * Complex DFT of `size` points, X[k] = sum_n (re[n] + i im[n]) exp(-2 pi i k n / size), unnormalised
 * (numpy `fft`). Outputs may be the input arrays (in-place). The first complex call on a plan builds
 * its complex tables once; later calls do not allocate.
 * @example
 * const plan = createFftPlan({ size: 1024 });
 * complexFft(plan, re, im, re, im); // in place
 */
export function complexFft(plan: FftPlan, re: FloatArray, im: FloatArray, outRe: FloatArray, outIm: FloatArray): void {
  complexTransform(plan.core.complex(), re, im, outRe, outIm, false);
}

/**
 * Inverse complex DFT scaled by 1/size (numpy `ifft`): z[n] = sum_k X[k] exp(+2 pi i k n / size) / size.
 * Outputs may be the input arrays. Example (analytic signal for a Hilbert envelope): zero bins
 * size/2+1.., double bins 1..size/2-1, then inverseComplexFft; |z[n]| is the envelope.
 */
export function inverseComplexFft(plan: FftPlan, re: FloatArray, im: FloatArray, outRe: FloatArray, outIm: FloatArray): void {
  complexTransform(plan.core.complex(), re, im, outRe, outIm, true);
}
