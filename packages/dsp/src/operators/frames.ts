import type { OperatorFunction } from 'rxjs';
import type { Frame, SampleChunk } from '../chunk.js';
import { InputError } from '../errors.js';
import { createFramingPlan, Framer, type FramingOptions, type FramingPlan } from '../framing.js';
import { chunkOperator } from './chunk-operator.js';

/**
 * Cuts a sample stream into frames of `length` samples every `hop` samples, whatever the chunk sizes.
 * A chunk whose `index` does not follow the previous one (a gap reported by a source) restarts framing
 * at the new index, so no frame ever straddles a gap.
 * @example
 * chunks$.pipe(frames({ length: 480, hop: 320 })) // Observable<Frame>, frame.index = first sample
 */
export function frames(options: FramingOptions | FramingPlan): OperatorFunction<SampleChunk, Frame> {
  const plan = 'description' in options ? options : createFramingPlan(options);
  return chunkOperator<Frame>('framing', (first) => {
    if (first.channels !== plan.channels) {
      throw new InputError('framing', `input has ${first.channels} channels; the plan expects ${plan.channels}`, first.index);
    }
    const framer = new Framer(plan, first.index);
    const sampleRate = first.sampleRate;
    const channels = plan.channels;
    return {
      push(chunk, emit) {
        if (chunk.index !== framer.expectedIndex) framer.reset(chunk.index);
        framer.push(chunk.samples, (data, index) => emit({ data: data.slice(), index, sampleRate, channels }));
      },
      flush(emit) {
        framer.flush((data, index) => emit({ data: data.slice(), index, sampleRate, channels }));
      },
    };
  });
}
