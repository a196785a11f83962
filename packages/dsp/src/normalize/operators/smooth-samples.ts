import type { OperatorFunction } from 'rxjs';
import type { SampleChunk } from '../../chunk.js';
import { ParameterError } from '../../errors.js';
import { chunkOperator } from '../../operators/chunk-operator.js';
import { createSmoothingPlan, OnePoleSmoother, type SmoothingOptions } from '../smoothing.js';

/**
 * One-pole smoothing of a sample stream, each interleaved channel on its own. `timeConstant` is in
 * seconds and converted with the chunks' sample rate; `alpha` is per sample. State carries across gaps.
 * @example
 * accel$.pipe(smoothSamples({ timeConstant: 0.05 })) // ~0.05 s low-pass on every axis
 */
export function smoothSamples(options: Omit<SmoothingOptions, 'rate'>): OperatorFunction<SampleChunk, SampleChunk> {
  if ('rate' in options) throw new ParameterError('smoothSamples', 'rate', (options as { rate: unknown }).rate, 'no rate: it comes from the chunks');
  createSmoothingPlan(options); // options are checked now, before any chunk
  return chunkOperator<SampleChunk>('smoothSamples', (first) => {
    const plan = createSmoothingPlan(options.alpha !== undefined ? options : { ...options, rate: first.sampleRate });
    const smoother = new OnePoleSmoother(plan, first.channels);
    return {
      push(chunk, emit) {
        const samples = new Float32Array(chunk.samples.length);
        smoother.process(chunk.samples, samples);
        emit({ samples, sampleRate: chunk.sampleRate, channels: chunk.channels, index: chunk.index });
      },
    };
  });
}
