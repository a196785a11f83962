import { bandPowers } from './band-powers.js';
import { SpectralFlux } from './spectral-flux.js';
import type { SpectralFeaturesPlan } from './spectral-features-plan.js';
import { spectralPeaks } from './spectral-peaks.js';
import { spectralCrest, spectralFlatness, spectralRolloff, spectralShape, spectralSlope } from './spectral-shape.js';

/**
 * Computes every planned feature from one spectrum per call. The shared intermediates are built once per
 * spectrum in float64: the power spectrum (the input, or the squared magnitudes) for flatness, rolloff,
 * crest and band powers; the magnitude spectrum (√power, or the input) for the shape moments, slope,
 * peaks and flux; the four shape moments once for centroid, spread, skewness and kurtosis. Holds the
 * flux state (previous magnitudes), so one extractor serves one stream; allocation-free after
 * construction.
 * @example
 * const fft = createFftPlan({ size: 512 });
 * const plan = createSpectralFeaturesPlan({ sampleRate: 16000, fftSize: 512, features: ['centroid', 'flux'] });
 * const extractor = new SpectralFeatureExtractor(plan);
 * const power = new Float32Array(fft.bins);
 * const out = new Float32Array(plan.outputLength);
 * powerSpectrum(fft, windowedFrame, power);
 * extractor.process(power, out); // out = [centroid Hz, flux]
 */
export class SpectralFeatureExtractor {
  private readonly power: Float64Array;
  private readonly magnitude: Float64Array;
  private readonly shape = new Float64Array(4);
  private readonly peaks: Float64Array;
  private readonly flux: SpectralFlux;
  private readonly needsShape: boolean;

  constructor(readonly plan: SpectralFeaturesPlan) {
    this.power = new Float64Array(plan.bins);
    this.magnitude = new Float64Array(plan.bins);
    this.peaks = new Float64Array(2 * plan.peaks);
    this.flux = new SpectralFlux(plan.flux);
    this.needsShape = plan.features.some((f) => f === 'centroid' || f === 'spread' || f === 'skewness' || f === 'kurtosis');
  }

  /** Forget the previous spectrum (flux of the next one is 0), e.g. after a gap in the stream. */
  reset(): void {
    this.flux.reset();
  }

  /**
   * Writes the plan's features of `spectrum` (plan.bins values: power or magnitude, as planned) into
   * out[0..plan.outputLength), in the order of `plan.names`. No validation, no allocation.
   */
  process(spectrum: Float32Array, out: Float32Array | Float64Array): void {
    const { plan, power, magnitude, shape } = this;
    const bins = plan.bins;
    if (plan.input === 'power') {
      for (let k = 0; k < bins; k++) {
        power[k] = spectrum[k]!;
        magnitude[k] = Math.sqrt(power[k]!);
      }
    } else {
      for (let k = 0; k < bins; k++) {
        magnitude[k] = spectrum[k]!;
        power[k] = magnitude[k]! * magnitude[k]!;
      }
    }
    if (this.needsShape) spectralShape(plan.frequencies, magnitude, shape);

    const { features, offsets, frequencies } = plan;
    for (let i = 0; i < features.length; i++) {
      const at = offsets[i]!;
      switch (features[i]!) {
        case 'centroid':
          out[at] = shape[0]!;
          break;
        case 'spread':
          out[at] = shape[1]!;
          break;
        case 'skewness':
          out[at] = shape[2]!;
          break;
        case 'kurtosis':
          out[at] = shape[3]!;
          break;
        case 'flatness':
          out[at] = spectralFlatness(power, plan.powerFloor);
          break;
        case 'rolloff':
          out[at] = spectralRolloff(frequencies, power, plan.rolloffFraction);
          break;
        case 'flux':
          out[at] = this.flux.processMagnitude(magnitude);
          break;
        case 'slope':
          out[at] = spectralSlope(frequencies, magnitude);
          break;
        case 'crest':
          out[at] = spectralCrest(power);
          break;
        case 'bandPowers':
          bandPowers(power, plan.bands, plan.bandScale, plan.powerFloor, out, at);
          break;
        case 'peaks':
          spectralPeaks(magnitude, bins, plan.binHz, this.peaks);
          for (let j = 0; j < this.peaks.length; j++) out[at + j] = this.peaks[j]!;
          break;
      }
    }
  }
}
