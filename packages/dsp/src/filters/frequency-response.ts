import type { FirPlan } from './fir-design.js';
import type { SosPlan } from './sos.js';

/** Complex response H(e^{jw}) at `frequencies` (Hz): `re[i] + j im[i]`. */
export interface FrequencyResponse {
  /** Hz */
  readonly frequencies: Float64Array;
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/**
 * Frequency response of a designed filter at the given frequencies in Hz: an SOS cascade (biquad,
 * Butterworth; scipy `sosfreqz`) or FIR taps (scipy `freqz(taps, 1)`).
 * @example
 * const h = frequencyResponse(plan, [0, 50, 1000]);
 * responseMagnitudeDb(h); // Float64Array of 20 log10 |H|
 */
export function frequencyResponse(plan: SosPlan | FirPlan, frequencies: ArrayLike<number>): FrequencyResponse {
  const f = Float64Array.from(frequencies);
  const re = new Float64Array(f.length);
  const im = new Float64Array(f.length);
  for (let i = 0; i < f.length; i++) {
    const w = (2 * Math.PI * f[i]!) / plan.sampleRate;
    const [hr, hi] = 'taps' in plan ? polynomialAt(plan.taps, 0, plan.taps.length, w) : cascade(plan.sections, w);
    re[i] = hr;
    im[i] = hi;
  }
  return { frequencies: f, re, im };
}

function cascade(sections: Float64Array, w: number): [number, number] {
  let hr = 1;
  let hi = 0;
  for (let k = 0; k < sections.length; k += 6) {
    const [br, bi] = polynomialAt(sections, k, 3, w);
    const [ar, ai] = polynomialAt(sections, k + 3, 3, w);
    // h *= b / a
    const d = ar * ar + ai * ai;
    const qr = (br * ar + bi * ai) / d;
    const qi = (bi * ar - br * ai) / d;
    [hr, hi] = [hr * qr - hi * qi, hr * qi + hi * qr];
  }
  return [hr, hi];
}

/** sum_k c[offset + k] e^{-j w k} for k < length. */
function polynomialAt(c: Float64Array, offset: number, length: number, w: number): [number, number] {
  let re = 0;
  let im = 0;
  for (let k = 0; k < length; k++) {
    re += c[offset + k]! * Math.cos(w * k);
    im -= c[offset + k]! * Math.sin(w * k);
  }
  return [re, im];
}

/** 20 log10 |H| in dB (-Infinity at an exact zero). */
export function responseMagnitudeDb(response: FrequencyResponse): Float64Array {
  return response.re.map((re, i) => 20 * Math.log10(Math.hypot(re, response.im[i]!)));
}

/** |H|, linear. */
export function responseMagnitude(response: FrequencyResponse): Float64Array {
  return response.re.map((re, i) => Math.hypot(re, response.im[i]!));
}

/** arg H in radians, wrapped to (-pi, pi]. */
export function responsePhase(response: FrequencyResponse): Float64Array {
  return response.re.map((re, i) => Math.atan2(response.im[i]!, re));
}
