import { ParameterError } from '../errors.js';
import { checkCutoff, FILTER_BANDS, type FilterBand } from './cutoff.js';
import { describe, type Described } from '../plan.js';
import { rejectUnknownOptions, requireBoolean, requireInteger, requireOneOf, requirePositive } from '../validate.js';
import { WINDOW_TYPES, windowCoefficients, type WindowType } from '../window.js';

export const FIR_TYPES = FILTER_BANDS;
export type FirType = FilterBand;

export interface FirOptions {
  type: FirType;
  /** filter length in samples, 1..65536; odd for highpass and bandstop */
  numTaps: number;
  /** Hz */
  sampleRate: number;
  /** Hz, below Nyquist: one edge for lowpass/highpass, [low, high] for bandpass/bandstop (-6 dB points) */
  cutoff: number | readonly [number, number];
  /** window shaping the truncated sinc (symmetric); default 'hamming', as scipy.signal.firwin */
  window?: WindowType;
  /** normalize to 0 dB at DC (lowpass, bandstop), Nyquist (highpass) or the band centre; default true */
  scale?: boolean;
}

export interface FirPlan extends Described<Required<FirOptions>> {
  /** Hz */
  readonly sampleRate: number;
  /** impulse response, linear phase (symmetric); delay (numTaps - 1) / 2 samples */
  readonly taps: Float64Array;
}

const BLOCK = 'fir';

/**
 * Windowed-sinc FIR design, the taps of `scipy.signal.firwin(numTaps, cutoff, window=..., pass_zero=type,
 * scale=..., fs=sampleRate)`.
 * @example
 * const plan = createFirPlan({ type: 'lowpass', numTaps: 31, sampleRate: 16000, cutoff: 1000 });
 * new FirFilter(plan).process(samples, out);
 */
export function createFirPlan(options: FirOptions): FirPlan {
  rejectUnknownOptions(BLOCK, options, ['type', 'numTaps', 'sampleRate', 'cutoff', 'window', 'scale']);
  const type = requireOneOf(BLOCK, 'type', options.type, FIR_TYPES);
  const numTaps = requireInteger(BLOCK, 'numTaps', options.numTaps, 1, 65536);
  const sampleRate = requirePositive(BLOCK, 'sampleRate', options.sampleRate);
  const cutoff = checkCutoff(BLOCK, type, options.cutoff as unknown, sampleRate);
  const window = requireOneOf(BLOCK, 'window', options.window ?? 'hamming', WINDOW_TYPES);
  const scale = requireBoolean(BLOCK, 'scale', options.scale ?? true);
  if ((type === 'highpass' || type === 'bandstop') && numTaps % 2 === 0) {
    throw new ParameterError(BLOCK, 'numTaps', numTaps, `an odd number for a ${type} (an even-length linear-phase FIR has a zero at Nyquist)`);
  }
  const nyquist = sampleRate / 2;
  const edges = typeof cutoff === 'number' ? [cutoff / nyquist] : [cutoff[0] / nyquist, cutoff[1] / nyquist];
  // Passbands as [left, right] pairs in units of Nyquist.
  const bands: [number, number][] =
    type === 'lowpass' ? [[0, edges[0]!]]
    : type === 'highpass' ? [[edges[0]!, 1]]
    : type === 'bandpass' ? [[edges[0]!, edges[1]!]]
    : [[0, edges[0]!], [edges[1]!, 1]];
  const taps = windowedSinc(numTaps, bands, windowCoefficients(window, numTaps, true), scale);
  return { description: describe(BLOCK, 1, { type, numTaps, sampleRate, cutoff, window, scale }), sampleRate, taps };
}

const sinc = (x: number): number => (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x));

/** Sum of ideal band responses (differences of sincs), windowed, optionally scaled to unit gain. */
function windowedSinc(numTaps: number, bands: readonly [number, number][], window: Float32Array, scale: boolean): Float64Array {
  const centre = 0.5 * (numTaps - 1);
  const h = new Float64Array(numTaps);
  for (let n = 0; n < numTaps; n++) {
    const m = n - centre;
    let v = 0;
    for (const [left, right] of bands) {
      v += right * sinc(right * m);
      v -= left * sinc(left * m);
    }
    h[n] = v * window[n]!;
  }
  if (scale) {
    // Unit gain where the first passband is sure to pass: DC, Nyquist, or the band centre.
    const [left, right] = bands[0]!;
    const at = left === 0 ? 0 : right === 1 ? 1 : 0.5 * (left + right);
    let gain = 0;
    for (let n = 0; n < numTaps; n++) gain += h[n]! * Math.cos(Math.PI * (n - centre) * at);
    for (let n = 0; n < numTaps; n++) h[n] = h[n]! / gain;
  }
  return h;
}
