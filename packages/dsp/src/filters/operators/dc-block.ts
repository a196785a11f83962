import type { OperatorFunction } from 'rxjs';
import type { SampleChunk } from '../../chunk.js';
import { chunkOperator } from '../../operators/chunk-operator.js';
import { createDcBlockerPlan, DcBlocker, type DcBlockerOptions, type DcBlockerPlan } from '../dc-blocker.js';

/**
 * Removes DC (sensor offset, gravity) from a sample stream, each channel with its own state.
 * @example
 * accel$.pipe(dcBlock({ r: 0.99 }))
 */
export function dcBlock(options: DcBlockerOptions | DcBlockerPlan = {}): OperatorFunction<SampleChunk, SampleChunk> {
  const plan = 'description' in options ? options : createDcBlockerPlan(options);
  return chunkOperator<SampleChunk>('dcBlocker', (first) => {
    const core = new DcBlocker(plan, first.channels);
    return {
      push(chunk, emit) {
        const samples = new Float32Array(chunk.samples.length);
        core.process(chunk.samples, samples);
        emit({ samples, sampleRate: chunk.sampleRate, channels: chunk.channels, index: chunk.index });
      },
    };
  });
}
