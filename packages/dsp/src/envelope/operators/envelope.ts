import type { OperatorFunction } from 'rxjs';
import type { Frame } from '../../chunk.js';
import { InputError } from '../../errors.js';
import { frameOperator } from '../../operators/frame-operator.js';
import { computeEnvelope, createHilbertPlan } from '../hilbert.js';

/**
 * Hilbert envelope of each mono frame (scipy: abs(hilbert(frame))), same length, index and rate. The
 * plan is sized from the first frame; frames of another length, or with NaN, end in an error notification.
 * @example
 * vibration$.pipe(frames({ length: 4096, hop: 2048 }), envelope())
 */
export function envelope(): OperatorFunction<Frame, Frame> {
  return frameOperator<Frame>('envelope', (first) => {
    if (first.channels !== 1) throw new InputError('envelope', `frames have ${first.channels} channels; expected 1`, first.index);
    const plan = createHilbertPlan({ length: first.data.length });
    return (frame) => {
      const data = new Float32Array(plan.length);
      computeEnvelope(plan, frame.data, data);
      return { data, index: frame.index, sampleRate: frame.sampleRate, channels: 1 };
    };
  });
}
