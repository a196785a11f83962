import type { OperatorFunction } from 'rxjs';
import type { Frame } from '../../chunk.js';
import { InputError } from '../../errors.js';
import { applyFixedNorm, createFixedNormPlan, type FixedNormOptions, type FixedNormPlan } from '../fixed-norm.js';
import { frameOperator } from '../../operators/frame-operator.js';

/**
 * Normalises every frame with frozen statistics: (x - mean) / std per element, as the model was trained.
 * @example
 * features$.pipe(fixedNormalize({ mean: card.mean, std: card.std }))
 */
export function fixedNormalize(options: FixedNormOptions | FixedNormPlan): OperatorFunction<Frame, Frame> {
  const plan = 'description' in options ? options : createFixedNormPlan(options);
  return frameOperator<Frame>('fixedNormalize', (first) => {
    if (first.data.length !== plan.size) {
      throw new InputError('fixedNormalize', `frame has ${first.data.length} values; the saved statistics have ${plan.size}`, first.index);
    }
    return (frame) => {
      const data = new Float32Array(plan.size);
      applyFixedNorm(plan, frame.data, data);
      return { data, index: frame.index, sampleRate: frame.sampleRate, channels: frame.channels };
    };
  });
}
