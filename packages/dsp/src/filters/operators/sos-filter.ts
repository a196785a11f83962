import type { OperatorFunction } from 'rxjs';
import type { SampleChunk } from '../../chunk.js';
import { chunkOperator } from '../../operators/chunk-operator.js';
import { SosFilter, type SosPlan } from '../sos.js';
import { requireRate } from './require-rate.js';

/**
 * Filters a sample stream through an SOS cascade (a biquad or Butterworth plan), each channel with its
 * own state. Output chunks keep index, rate and channel count; the input chunk is never modified.
 * @example
 * chunks$.pipe(sosFilter(createButterworthPlan({ type: 'highpass', order: 2, sampleRate: 16000, cutoff: 80 })))
 */
export function sosFilter(plan: SosPlan): OperatorFunction<SampleChunk, SampleChunk> {
  return chunkOperator<SampleChunk>('sosFilter', (first) => {
    requireRate('sosFilter', first, plan.sampleRate);
    const core = new SosFilter(plan, first.channels);
    return {
      push(chunk, emit) {
        const samples = new Float32Array(chunk.samples.length);
        core.process(chunk.samples, samples);
        emit({ samples, sampleRate: chunk.sampleRate, channels: chunk.channels, index: chunk.index });
      },
    };
  });
}

