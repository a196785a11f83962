import { ParameterError } from '@sensorkit/dsp';
import type { tf } from '@sensorkit/ml';
import { AutoencoderDetector, type AutoencoderOptions } from './autoencoder.js';
import { DETECTOR_KINDS, type Detector, type DetectorJSON, type DetectorKind } from './detector.js';
import { GaussianDetector, type GaussianOptions } from './gaussian.js';
import { KMeansDetector, type KMeansOptions } from './kmeans.js';

/** Options of each kind of detector, by kind. */
export interface DetectorOptions {
  gaussian?: GaussianOptions;
  kmeans?: KMeansOptions;
  autoencoder?: AutoencoderOptions;
}

/** A new, untrained detector of a kind over features with these names. */
export function createDetector(kind: DetectorKind, names: readonly string[], options: DetectorOptions = {}): Detector {
  switch (kind) {
    case 'gaussian':
      return new GaussianDetector(names, options.gaussian);
    case 'kmeans':
      return new KMeansDetector(names, options.kmeans);
    case 'autoencoder':
      return new AutoencoderDetector(names, options.autoencoder);
    default:
      throw new ParameterError('detector', 'kind', kind, `one of ${DETECTOR_KINDS.join(', ')}`);
  }
}

/** Rebuilds a trained detector from its JSON (and, for the autoencoder, its TF.js network). */
export function detectorFromJSON(json: DetectorJSON, network?: tf.LayersModel): Detector {
  switch (json.kind) {
    case 'gaussian':
      return GaussianDetector.fromJSON(json);
    case 'kmeans':
      return KMeansDetector.fromJSON(json);
    case 'autoencoder':
      if (!network) throw new ParameterError('detector', 'network', undefined, 'the autoencoder TF.js model (model.json) next to its parameters');
      return AutoencoderDetector.fromJSON(json, network);
    default:
      throw new ParameterError('detector', 'kind', (json as { kind: unknown }).kind, `one of ${DETECTOR_KINDS.join(', ')}`);
  }
}
