import FFT from 'fft.js';
import { describe, type Described } from './plan.js';
import { requirePowerOfTwo, rejectUnknownOptions } from './validate.js';

export interface FftOptions {
  /** transform length in samples: a power of two in 2..65536 */
  size: number;
}

export interface FftPlan extends Described<FftOptions> {
  readonly size: number;
  /** number of non-redundant bins of a real input: size / 2 + 1 (DC .. Nyquist) */
  readonly bins: number;
  /** interleaved complex scratch owned by the plan: a plan is not shared between concurrent callers */
  readonly scratch: number[];
  readonly engine: FFT;
}

const BLOCK = 'fft';

/**
 * Plans a real-input FFT. Bin k is at k * sampleRate / size Hz.
 * @example
 * const plan = createFftPlan({ size: 512 });
 * const spectrum = new Float32Array(2 * plan.bins); // [re0, im0, re1, im1, ...]
 * realFft(plan, frame, spectrum);
 */
export function createFftPlan(options: FftOptions): FftPlan {
  rejectUnknownOptions(BLOCK, options, ['size']);
  const size = requirePowerOfTwo(BLOCK, 'size', options.size, 2, 65536);
  const engine = new FFT(size);
  return { description: describe(BLOCK, 1, { size }), size, bins: size / 2 + 1, scratch: engine.createComplexArray(), engine };
}

/**
 * Half-spectrum of a real frame: `out[2k]`, `out[2k+1]` = Re, Im of bin k for k = 0..size/2, unnormalised
 * (numpy `rfft` convention). `input` holds `size` samples; shorter frames must be zero-padded by the caller.
 */
export function realFft(plan: FftPlan, input: Float32Array, out: Float32Array): void {
  const z = plan.scratch;
  plan.engine.realTransform(z, input);
  const n = 2 * plan.bins;
  for (let i = 0; i < n; i++) out[i] = z[i]!;
}

/** |X[k]|^2 for k = 0..size/2. */
export function powerSpectrum(plan: FftPlan, input: Float32Array, out: Float32Array): void {
  const z = plan.scratch;
  plan.engine.realTransform(z, input);
  for (let k = 0; k < plan.bins; k++) {
    const re = z[2 * k]!;
    const im = z[2 * k + 1]!;
    out[k] = re * re + im * im;
  }
}

/** |X[k]| for k = 0..size/2. */
export function magnitudeSpectrum(plan: FftPlan, input: Float32Array, out: Float32Array): void {
  powerSpectrum(plan, input, out);
  for (let k = 0; k < plan.bins; k++) out[k] = Math.sqrt(out[k]!);
}

/** Centre frequency in Hz of bin k. */
export function binFrequency(plan: FftPlan, k: number, sampleRate: number): number {
  return (k * sampleRate) / plan.size;
}
