import { ParameterError } from '../errors.js';
import { createFftPlan, type FftPlan } from '../fft.js';
import { realSpectrum } from '../fft/real-core.js';
import { describe, type Described } from '../plan.js';
import { rejectUnknownOptions, requireOneOf, requirePositive, requirePowerOfTwo } from '../validate.js';
import { WINDOW_TYPES, windowCoefficients, type WindowType } from '../window.js';
import { computeEnvelope, createHilbertPlan, type HilbertPlan } from './hilbert.js';

/** A caller-supplied stage run on each frame before the envelope (typically a band-pass around a resonance). */
export type FramePrefilter = (input: Float32Array, out: Float32Array) => void;

export const ENVELOPE_SPECTRUM_SCALINGS = ['amplitude', 'magnitude'] as const;
export type EnvelopeSpectrumScaling = (typeof ENVELOPE_SPECTRUM_SCALINGS)[number];

export interface EnvelopeSpectrumOptions {
  /** frame length in samples (see createHilbertPlan for the accepted lengths) */
  length: number;
  /** sample rate of the frames in Hz: sets `frequencies` */
  sampleRate: number;
  /** FFT length: a power of two >= length, default the smallest one (the windowed envelope is zero-padded) */
  fftSize?: number;
  /** window applied to the mean-removed envelope; default 'hann' (periodic) */
  window?: WindowType;
  /**
   * 'amplitude' (default): |X[k]| * 2 / sum(window), so a modulation A*cos(2 pi f t) of the envelope shows
   * as a peak of height ~A at f Hz; 'magnitude': raw |X[k]|.
   */
  scaling?: EnvelopeSpectrumScaling;
  /** optional pre-filter run on each frame first; the description only records that one was given */
  prefilter?: FramePrefilter;
}

type Resolved = Required<Omit<EnvelopeSpectrumOptions, 'prefilter'>> & { prefilter: boolean };

export interface EnvelopeSpectrumPlan extends Described<Resolved> {
  readonly length: number;
  readonly fftSize: number;
  /** fftSize / 2 + 1 output values, DC .. Nyquist */
  readonly bins: number;
  /** centre frequency of each output bin in Hz: k * sampleRate / fftSize */
  readonly frequencies: Float32Array;
  readonly hilbert: HilbertPlan;
  readonly fft: FftPlan;
  readonly window: Float32Array;
  readonly scale: number;
  readonly prefilter: FramePrefilter | undefined;
  /** scratch: the pre-filtered frame, the windowed envelope zero-padded to fftSize, and its spectrum (interleaved, double precision) */
  readonly filtered: Float32Array;
  readonly padded: Float64Array;
  readonly spectrum: Float64Array;
}

const BLOCK = 'envelopeSpectrum';

/**
 * Plans the envelope spectrum used in bearing diagnostics: Hilbert envelope of the frame, mean removed,
 * windowed, magnitude spectrum; fault frequencies show as peaks at `frequencies` (Hz).
 * @example
 * const plan = createEnvelopeSpectrumPlan({ length: 4096, sampleRate: 20000 });
 * const spectrum = new Float32Array(plan.bins);
 * computeEnvelopeSpectrum(plan, frame, spectrum); // peak at plan.frequencies[k] = BPFO, ...
 */
export function createEnvelopeSpectrumPlan(options: EnvelopeSpectrumOptions): EnvelopeSpectrumPlan {
  rejectUnknownOptions(BLOCK, options, ['length', 'sampleRate', 'fftSize', 'window', 'scaling', 'prefilter']);
  const hilbert = createHilbertPlan({ length: options.length });
  const length = hilbert.length;
  const sampleRate = requirePositive(BLOCK, 'sampleRate', options.sampleRate);
  let minFft = 2;
  while (minFft < length) minFft *= 2;
  const fftSize = requirePowerOfTwo(BLOCK, 'fftSize', options.fftSize ?? minFft, minFft, 65536);
  const window = requireOneOf(BLOCK, 'window', options.window ?? 'hann', WINDOW_TYPES);
  const scaling = requireOneOf(BLOCK, 'scaling', options.scaling ?? 'amplitude', ENVELOPE_SPECTRUM_SCALINGS);
  if (options.prefilter !== undefined && typeof options.prefilter !== 'function') {
    throw new ParameterError(BLOCK, 'prefilter', options.prefilter, 'a function (input, out) => void');
  }
  const w = windowCoefficients(window, length, false);
  let sum = 0;
  for (let i = 0; i < length; i++) sum += w[i]!;
  const fft = createFftPlan({ size: fftSize });
  const frequencies = new Float32Array(fft.bins).map((_, k) => (k * sampleRate) / fftSize);
  return {
    // Version 2: the kit's FFT engine in double precision (version 1: fft.js); outputs differ in the last float32 bits.
    description: describe(BLOCK, 2, { length, sampleRate, fftSize, window, scaling, prefilter: options.prefilter !== undefined }),
    length,
    fftSize,
    bins: fft.bins,
    frequencies,
    hilbert,
    fft,
    window: w,
    scale: scaling === 'amplitude' ? 2 / sum : 1,
    prefilter: options.prefilter,
    filtered: new Float32Array(length),
    padded: new Float64Array(fftSize),
    spectrum: new Float64Array(2 * fft.bins),
  };
}

/** Envelope spectrum of one frame (plan.length samples) into `out` (plan.bins values). No allocation. */
export function computeEnvelopeSpectrum(plan: EnvelopeSpectrumPlan, input: Float32Array, out: Float32Array): void {
  let frame = input;
  if (plan.prefilter) {
    plan.prefilter(input, plan.filtered);
    frame = plan.filtered;
  }
  // The envelope stays in double precision: removing its mean is a cancellation that float32 would feel.
  const env = plan.padded;
  computeEnvelope(plan.hilbert, frame, env);
  const n = plan.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += env[i]!;
  mean /= n;
  for (let i = 0; i < n; i++) env[i] = (env[i]! - mean) * plan.window[i]!;
  env.fill(0, n);
  const z = plan.spectrum;
  realSpectrum(plan.fft.core.real, env, z);
  for (let k = 0; k < plan.bins; k++) {
    const re = z[2 * k]!;
    const im = z[2 * k + 1]!;
    out[k] = Math.sqrt(re * re + im * im) * plan.scale;
  }
}
