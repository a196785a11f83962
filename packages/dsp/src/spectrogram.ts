import { createDecibelPlan, toDecibels, type DecibelPlan } from './decibels.js';
import { createFftPlan, powerSpectrum, type FftPlan } from './fft.js';
import { createFramingPlan, Framer, type FramingPlan } from './framing.js';
import { describe, type Described } from './plan.js';
import { requireInteger, requireOneOf, requirePowerOfTwo, rejectUnknownOptions } from './validate.js';
import { WINDOW_TYPES, windowCoefficients, type WindowType } from './window.js';

export interface SpectrogramOptions {
  /** samples per frame */
  frameLength: number;
  /** samples between frame starts; default frameLength / 2 (rounded down) */
  hop?: number;
  /** FFT size, a power of two >= frameLength; default the next power of two >= frameLength */
  fftSize?: number;
  /** default 'hann' (periodic) */
  window?: WindowType;
  /** 'power' |X|^2, 'magnitude' |X| or 'db' (10 log10 power, floor 1e-10); default 'power' */
  scale?: 'power' | 'magnitude' | 'db';
}

export interface SpectrogramPlan extends Described<Required<SpectrogramOptions>> {
  readonly framing: FramingPlan;
  readonly fft: FftPlan;
  readonly bins: number;
  readonly window: Float32Array;
  readonly padded: Float32Array;
  readonly db: DecibelPlan;
}

const BLOCK = 'spectrogram';

/**
 * Plans a short-time spectrum: window, zero-pad, |FFT|^2 per frame; bins 0..fftSize/2.
 * @example
 * const plan = createSpectrogramPlan({ frameLength: 512, hop: 256, scale: 'db' });
 * const { data, frames, bins } = spectrogram(plan, signal); // row-major frames x bins
 */
export function createSpectrogramPlan(options: SpectrogramOptions): SpectrogramPlan {
  rejectUnknownOptions(BLOCK, options, ['frameLength', 'hop', 'fftSize', 'window', 'scale']);
  const frameLength = requireInteger(BLOCK, 'frameLength', options.frameLength, 1, 65536);
  const hop = requireInteger(BLOCK, 'hop', options.hop ?? Math.max(1, Math.floor(frameLength / 2)), 1, 1 << 24);
  const fftSize = requirePowerOfTwo(BLOCK, 'fftSize', options.fftSize ?? nextPowerOfTwo(frameLength), Math.max(2, nextPowerOfTwo(frameLength)), 65536);
  const window = requireOneOf(BLOCK, 'window', options.window ?? 'hann', WINDOW_TYPES);
  const scale = requireOneOf(BLOCK, 'scale', options.scale ?? 'power', ['power', 'magnitude', 'db'] as const);
  const fft = createFftPlan({ size: fftSize });
  return {
    description: describe(BLOCK, 1, { frameLength, hop, fftSize, window, scale }),
    framing: createFramingPlan({ length: frameLength, hop }),
    fft,
    bins: fft.bins,
    window: windowCoefficients(window, frameLength, false),
    padded: new Float32Array(fftSize),
    db: createDecibelPlan({ input: 'power' }),
  };
}

function nextPowerOfTwo(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, n)));
}

/** One spectrogram column: `frame` (frameLength samples) -> `out` (bins values). No allocation. */
export function spectrogramFrame(plan: SpectrogramPlan, frame: Float32Array, out: Float32Array): void {
  const { padded, window } = plan;
  for (let i = 0; i < window.length; i++) padded[i] = frame[i]! * window[i]!;
  powerSpectrum(plan.fft, padded, out);
  const scale = plan.description.options.scale;
  if (scale === 'magnitude') for (let k = 0; k < plan.bins; k++) out[k] = Math.sqrt(out[k]!);
  else if (scale === 'db') toDecibels(plan.db, out, out);
}

/** Whole-signal spectrogram, row-major `frames x bins`. */
export function spectrogram(plan: SpectrogramPlan, signal: Float32Array): { data: Float32Array; frames: number; bins: number } {
  const rows: Float32Array[] = [];
  new Framer(plan.framing).push(signal, (frame) => {
    const row = new Float32Array(plan.bins);
    spectrogramFrame(plan, frame, row);
    rows.push(row);
  });
  const data = new Float32Array(rows.length * plan.bins);
  rows.forEach((row, i) => data.set(row, i * plan.bins));
  return { data, frames: rows.length, bins: plan.bins };
}
