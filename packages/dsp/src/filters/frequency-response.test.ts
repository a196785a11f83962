import { describe, expect, it } from 'vitest';
import { loadGolden } from '../../test/helpers.js';
import { createButterworthPlan } from './butterworth.js';
import { createFirPlan } from './fir-design.js';
import { frequencyResponse, responseMagnitude, responseMagnitudeDb, responsePhase, type FrequencyResponse } from './frequency-response.js';
import { createSosPlan } from './sos.js';

interface Golden {
  sampleRate: number;
  frequencies: number[];
  sos: number[];
  sosResponse: { re: number[]; im: number[] };
  taps: number[];
  firResponse: { re: number[]; im: number[] };
}

/** Largest |H - Href| relative to the peak |Href| (stopband zeros make per-point relative error meaningless). */
function worstError(h: FrequencyResponse, ref: { re: number[]; im: number[] }): number {
  const peak = Math.max(...ref.re.map((re, i) => Math.hypot(re, ref.im[i]!)));
  return Math.max(...ref.re.map((re, i) => Math.hypot(h.re[i]! - re, h.im[i]! - ref.im[i]!))) / peak;
}

describe('frequency response', () => {
  const golden = loadGolden<Golden>('filters_response');

  it('of an SOS cascade matches scipy.signal.sosfreqz', () => {
    const h = frequencyResponse(createSosPlan({ sampleRate: golden.sampleRate, sections: golden.sos }), golden.frequencies);
    expect(worstError(h, golden.sosResponse)).toBeLessThan(1e-12);
    // The same design made here, not read from the file, responds the same.
    const own = createButterworthPlan({ type: 'bandpass', order: 3, sampleRate: golden.sampleRate, cutoff: [300, 3400] });
    expect(worstError(frequencyResponse(own, golden.frequencies), golden.sosResponse)).toBeLessThan(1e-12);
  });

  it('of FIR taps matches scipy.signal.freqz(taps, 1)', () => {
    const plan = { ...createFirPlan({ type: 'lowpass', numTaps: 31, sampleRate: golden.sampleRate, cutoff: 1000 }), taps: Float64Array.from(golden.taps) };
    expect(worstError(frequencyResponse(plan, golden.frequencies), golden.firResponse)).toBeLessThan(1e-12);
  });

  it('derives magnitude, dB and wrapped phase from the complex response', () => {
    const h: FrequencyResponse = { frequencies: Float64Array.of(1, 2, 3), re: Float64Array.of(0, -1, 3), im: Float64Array.of(0.1, 0, -4) };
    expect(Array.from(responseMagnitude(h))).toEqual([0.1, 1, 5]);
    expect(responseMagnitudeDb(h)[0]).toBeCloseTo(-20, 12);
    expect(responseMagnitudeDb(h)[2]).toBeCloseTo(20 * Math.log10(5), 12);
    expect(Array.from(responsePhase(h))).toEqual([Math.PI / 2, Math.PI, Math.atan2(-4, 3)]);
  });
});
