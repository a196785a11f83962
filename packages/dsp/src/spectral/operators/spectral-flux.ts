import { defer, tap, type OperatorFunction } from 'rxjs';
import type { Frame } from '../../chunk.js';
import { mapFrames } from '../../operators/map-frames.js';
import { createSpectralFluxPlan, SpectralFlux, type SpectralFluxOptions, type SpectralFluxPlan } from '../spectral-flux.js';
import { assertSpectrum } from '../spectrum-input.js';

/**
 * Replaces each spectrum frame (plan.bins values, power or magnitude as planned) by a one-value frame
 * holding its flux against the previous frame of the same subscription (0 for the first).
 * @example
 * powerSpectra$.pipe(spectralFlux({ fftSize: 512, normalize: true })) // frame.data[0] in [0, √2]
 */
export function spectralFlux(options: SpectralFluxOptions | SpectralFluxPlan): OperatorFunction<Frame, Frame> {
  const plan = 'description' in options ? options : createSpectralFluxPlan(options);
  const block = plan.description.block;
  return (source) =>
    defer(() => {
      const flux = new SpectralFlux(plan);
      return source.pipe(
        tap((frame: Frame) => assertSpectrum(block, frame)),
        mapFrames(block, plan.bins, 1, (spectrum, out) => {
          out[0] = flux.process(spectrum);
        }),
      );
    });
}
