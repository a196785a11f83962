import type { OperatorFunction } from 'rxjs';
import type { SampleChunk } from '../../chunk.js';
import { chunkOperator } from '../../operators/chunk-operator.js';
import type { FirPlan } from '../fir-design.js';
import { FirFilter } from '../fir-filter.js';
import { requireRate } from './require-rate.js';

/**
 * Convolves a sample stream with FIR taps, each channel with its own history. Output chunks keep index,
 * rate and channel count (the filter's delay, (numTaps - 1) / 2 samples, is not compensated).
 * @example
 * chunks$.pipe(fir(createFirPlan({ type: 'lowpass', numTaps: 31, sampleRate: 16000, cutoff: 4000 })))
 */
export function fir(plan: FirPlan): OperatorFunction<SampleChunk, SampleChunk> {
  return chunkOperator<SampleChunk>('fir', (first) => {
    requireRate('fir', first, plan.sampleRate);
    const core = new FirFilter(plan, first.channels);
    return {
      push(chunk, emit) {
        const samples = new Float32Array(chunk.samples.length);
        core.process(chunk.samples, samples);
        emit({ samples, sampleRate: chunk.sampleRate, channels: chunk.channels, index: chunk.index });
      },
    };
  });
}
