import { computeEnvelopeSpectrum, createButterworthPlan, createEnvelopeSpectrumPlan, filtfilt } from '@sensorkit/dsp';

/*
 * Measurements the simulator's tests make on its output, with the kit's own DSP: the envelope spectrum
 * after a band-pass around the resonance (as a vibration analyst would), and line amplitudes.
 */

export interface Spectrum {
  readonly hz: Float32Array;
  readonly values: Float32Array;
  /** Hz per bin */
  readonly resolution: number;
}

/** Envelope spectrum (amplitude scaling) of the first `length` samples after a 4th-order Butterworth band-pass (zero phase). */
export function bandEnvelopeSpectrum(samples: Float32Array, sampleRate: number, band: [number, number], length = 16384): Spectrum {
  const filtered = filtfilt(createButterworthPlan({ type: 'bandpass', order: 4, sampleRate, cutoff: band }), samples.subarray(0, length));
  const plan = createEnvelopeSpectrumPlan({ length, sampleRate });
  const values = new Float32Array(plan.bins);
  computeEnvelopeSpectrum(plan, filtered, values);
  return { hz: plan.frequencies, values, resolution: sampleRate / plan.fftSize };
}

/** The largest bin between lo and hi Hz. */
export function peakIn(s: Spectrum, lo: number, hi: number): { hz: number; value: number } {
  let best = Math.ceil(lo / s.resolution);
  for (let k = best; k <= Math.floor(hi / s.resolution); k++) if (s.values[k]! > s.values[best]!) best = k;
  return { hz: s.hz[best]!, value: s.values[best]! };
}

/** A line's height: the largest bin within one bin of `hz`. */
export function lineAt(s: Spectrum, hz: number): number {
  const k = Math.round(hz / s.resolution);
  return Math.max(s.values[k - 1]!, s.values[k]!, s.values[k + 1]!);
}

/** Noise floor: the median bin between lo and hi Hz. */
export function floorIn(s: Spectrum, lo: number, hi: number): number {
  const bins = Array.from(s.values.subarray(Math.ceil(lo / s.resolution), Math.floor(hi / s.resolution) + 1)).sort((a, b) => a - b);
  return bins[bins.length >> 1]!;
}

/** Amplitude (peak, same units as x) of the component at exactly `hz`: a Hann-windowed single-frequency DFT. */
export function amplitudeAt(x: Float32Array, sampleRate: number, hz: number): number {
  let re = 0;
  let im = 0;
  let sum = 0;
  for (let n = 0; n < x.length; n++) {
    const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / x.length);
    const phase = (2 * Math.PI * hz * n) / sampleRate;
    re += w * x[n]! * Math.cos(phase);
    im -= w * x[n]! * Math.sin(phase);
    sum += w;
  }
  return (2 * Math.hypot(re, im)) / sum;
}
