import type { OperatorFunction } from 'rxjs';
import type { SampleChunk } from '../../chunk.js';
import { chunkOperator } from '../../operators/chunk-operator.js';
import { createPreEmphasisPlan, PreEmphasis, type PreEmphasisOptions, type PreEmphasisPlan } from '../pre-emphasis.js';

/**
 * Applies pre-emphasis y[n] = x[n] - a x[n-1] to a sample stream, carrying x[n-1] across chunks.
 * @example
 * audio$.pipe(preEmphasis({ coefficient: 0.98 }))
 */
export function preEmphasis(options: PreEmphasisOptions | PreEmphasisPlan = {}): OperatorFunction<SampleChunk, SampleChunk> {
  const plan = 'description' in options ? options : createPreEmphasisPlan(options);
  return chunkOperator<SampleChunk>('preEmphasis', (first) => {
    const core = new PreEmphasis(plan, first.channels);
    return {
      push(chunk, emit) {
        const samples = new Float32Array(chunk.samples.length);
        core.process(chunk.samples, samples);
        emit({ samples, sampleRate: chunk.sampleRate, channels: chunk.channels, index: chunk.index });
      },
    };
  });
}
