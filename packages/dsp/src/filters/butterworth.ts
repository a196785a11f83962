import { checkCutoff, FILTER_BANDS, type FilterBand } from './cutoff.js';
import { describe } from '../plan.js';
import { rejectUnknownOptions, requireInteger, requireOneOf, requirePositive } from '../validate.js';
import { sosPlan, type SosPlan } from './sos.js';
import { bilinear, butterworthPrototype, lowpassToBandpass, lowpassToBandstop, lowpassToHighpass, lowpassToLowpass, type Zpk } from './zpk.js';
import { zpkToSos } from './zpk-to-sos.js';

export const BUTTERWORTH_TYPES = FILTER_BANDS;
export type ButterworthType = FilterBand;

export interface ButterworthOptions {
  type: ButterworthType;
  /** 1..12; bandpass and bandstop get 2 * order poles, as scipy.signal.butter */
  order: number;
  /** Hz */
  sampleRate: number;
  /** Hz, below Nyquist: one corner for lowpass/highpass, [low, high] band edges for bandpass/bandstop */
  cutoff: number | readonly [number, number];
}

const BLOCK = 'butterworth';

/**
 * Designs a digital Butterworth filter as second-order sections, the same sections as
 * `scipy.signal.butter(order, cutoff, type, fs=sampleRate, output='sos')`: analog prototype, corners
 * prewarped for the bilinear transform, poles paired with their nearest zeros. Corners are -3 dB points.
 * @example
 * const plan = createButterworthPlan({ type: 'bandpass', order: 4, sampleRate: 1000, cutoff: [10, 200] });
 * const filter = new SosFilter(plan); // plan.sectionCount === 4
 * filter.process(samples, out);
 */
export function createButterworthPlan(options: ButterworthOptions): SosPlan<ButterworthOptions> {
  rejectUnknownOptions(BLOCK, options, ['type', 'order', 'sampleRate', 'cutoff']);
  const type = requireOneOf(BLOCK, 'type', options.type, BUTTERWORTH_TYPES);
  const order = requireInteger(BLOCK, 'order', options.order, 1, 12);
  const sampleRate = requirePositive(BLOCK, 'sampleRate', options.sampleRate);
  const cutoff = checkCutoff(BLOCK, type, options.cutoff as unknown, sampleRate);
  // Band edges normalized to Nyquist, then prewarped to the analog frequencies the bilinear transform
  // (at fs = 2) maps back onto them.
  const warp = (hz: number): number => 4 * Math.tan((Math.PI * ((2 * hz) / sampleRate)) / 2);
  const prototype = butterworthPrototype(order);
  let analog: Zpk;
  if (typeof cutoff === 'number') {
    analog = type === 'lowpass' ? lowpassToLowpass(prototype, warp(cutoff)) : lowpassToHighpass(prototype, warp(cutoff));
  } else {
    const low = warp(cutoff[0]);
    const high = warp(cutoff[1]);
    const centre = Math.sqrt(low * high);
    analog = type === 'bandpass' ? lowpassToBandpass(prototype, centre, high - low) : lowpassToBandstop(prototype, centre, high - low);
  }
  const sections = zpkToSos(bilinear(analog, 2));
  return sosPlan(describe(BLOCK, 1, { type, order, sampleRate, cutoff }), sampleRate, sections);
}
