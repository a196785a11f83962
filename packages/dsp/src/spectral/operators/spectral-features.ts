import { defer, tap, type OperatorFunction } from 'rxjs';
import type { Frame } from '../../chunk.js';
import { mapFrames } from '../../operators/map-frames.js';
import { SpectralFeatureExtractor } from '../spectral-features.js';
import { createSpectralFeaturesPlan, type SpectralFeaturesOptions, type SpectralFeaturesPlan } from '../spectral-features-plan.js';
import { assertSpectrum } from '../spectrum-input.js';

/**
 * Replaces each spectrum frame (plan.bins values, power or magnitude as planned, `sampleRate` = the
 * signal's rate) by a frame of its features in the order of `plan.names`. Each subscription gets its own
 * extractor, so flux state is never shared. NaN, negative or wrongly sized spectra, and spectra of a
 * signal at another rate, become error notifications.
 * @example
 * powerSpectra$.pipe(spectralFeatures({ sampleRate: 16000, fftSize: 512, features: ['centroid', 'flatness', 'flux'] }))
 */
export function spectralFeatures(options: SpectralFeaturesOptions | SpectralFeaturesPlan): OperatorFunction<Frame, Frame> {
  const plan = 'description' in options ? options : createSpectralFeaturesPlan(options);
  const block = plan.description.block;
  return (source) =>
    defer(() => {
      const extractor = new SpectralFeatureExtractor(plan);
      return source.pipe(
        tap((frame: Frame) => assertSpectrum(block, frame, plan.sampleRate)),
        mapFrames(block, plan.bins, plan.outputLength, (spectrum, out) => extractor.process(spectrum, out)),
      );
    });
}
