import type { OperatorFunction } from 'rxjs';
import type { SampleChunk } from '../../chunk.js';
import { chunkOperator } from '../../operators/chunk-operator.js';
import { rejectUnknownOptions, requireInteger } from '../../validate.js';
import { computeVectorMagnitude, createVectorMagnitudePlan } from '../vector-magnitude.js';

/**
 * Magnitude of a 3-axis vector per sample (channels `offset..offset+2` of the chunks), as a 1-channel
 * stream with the same rate and indices. Units follow the input (g for acceleration).
 * @example
 * imu$.pipe(vectorMagnitude())            // |accelerometer| in g
 * imu$.pipe(vectorMagnitude({ offset: 3 })) // |gyroscope| in deg/s of a 6-axis stream
 */
export function vectorMagnitude(options: { offset?: number } = {}): OperatorFunction<SampleChunk, SampleChunk> {
  rejectUnknownOptions('vectorMagnitude', options, ['offset']);
  requireInteger('vectorMagnitude', 'offset', options.offset ?? 0, 0, 1021);
  return chunkOperator<SampleChunk>('vectorMagnitude', (first) => {
    const plan = createVectorMagnitudePlan({ channels: first.channels, offset: options.offset ?? 0 });
    return {
      push(chunk, emit) {
        const samples = new Float32Array(chunk.samples.length / plan.channels);
        computeVectorMagnitude(plan, chunk.samples, samples);
        emit({ samples, sampleRate: chunk.sampleRate, channels: 1, index: chunk.index });
      },
    };
  });
}
