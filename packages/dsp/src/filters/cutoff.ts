import { ParameterError } from '../errors.js';
import { requireBelowNyquist } from '../validate.js';

/** The four band shapes every filter designer offers (one edge for low/highpass, two for band-pass/stop). */
export const FILTER_BANDS = ['lowpass', 'highpass', 'bandpass', 'bandstop'] as const;
export type FilterBand = (typeof FILTER_BANDS)[number];

/**
 * Checks a filter design's cutoff: one frequency for lowpass/highpass, `[low, high]` for bandpass/bandstop,
 * all strictly between 0 Hz and Nyquist, low < high. Shared by every designer so they reject alike.
 */
export function checkCutoff(block: string, type: FilterBand, cutoff: unknown, sampleRate: number): number | readonly [number, number] {
  if (type === 'lowpass' || type === 'highpass') {
    if (typeof cutoff !== 'number') throw new ParameterError(block, 'cutoff', cutoff, `one corner frequency in Hz for type "${type}"`);
    return requireBelowNyquist(block, 'cutoff', cutoff, sampleRate);
  }
  if (!Array.isArray(cutoff) || cutoff.length !== 2) {
    throw new ParameterError(block, 'cutoff', cutoff, `[low, high] band edges in Hz for type "${type}"`);
  }
  const low = requireBelowNyquist(block, 'cutoff[0]', cutoff[0], sampleRate);
  const high = requireBelowNyquist(block, 'cutoff[1]', cutoff[1], sampleRate);
  if (low >= high) throw new ParameterError(block, 'cutoff', cutoff, `low < high band edges, below Nyquist = ${sampleRate / 2} Hz`);
  return Object.freeze([low, high] as const);
}
