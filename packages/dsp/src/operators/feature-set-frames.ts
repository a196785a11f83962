import { defer, type OperatorFunction } from 'rxjs';
import type { Frame } from '../chunk.js';
import { createFeatureSetPlan, FeatureSetExtractor, type FeatureSetOptions, type FeatureSetPlan } from '../feature-set.js';
import { mapFrames } from './map-frames.js';

/**
 * Frames -> one vector of several features per frame (plan.names says which value is which), sharing
 * window, spectrum and mel energies. The flux state is per subscription.
 * @example
 * chunks$.pipe(frames({ length: 1024, hop: 512 }), featureSetFrames({ sampleRate: 48000, frameLength: 1024, spectral: {}, stats: {} }))
 */
export function featureSetFrames(options: FeatureSetOptions | FeatureSetPlan): OperatorFunction<Frame, Frame> {
  const plan = 'names' in options ? options : createFeatureSetPlan(options);
  return (source) =>
    defer(() => {
      const extractor = new FeatureSetExtractor(plan);
      return source.pipe(mapFrames('featureSet', plan.frameLength, plan.outputLength, (input, out) => extractor.process(input, out)));
    });
}
