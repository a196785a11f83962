import type { OperatorFunction } from 'rxjs';
import { chunkOperator, InputError, type SampleChunk } from '@sensorkit/dsp';
import { MotionTrigger, type Capture } from './motion-trigger.js';
import { createTriggerPlan, type TriggerOptions, type TriggerPlan } from './trigger-plan.js';

/** A capture with the rate and channel count of its stream. */
export interface CapturedWindow extends Capture {
  readonly sampleRate: number;
  readonly channels: number;
}

/**
 * Motion-triggered capture over a stream of IMU chunks (see MotionTrigger). A chunk whose index does
 * not follow the previous one (a gap reported by a serial source) drops any capture in progress.
 * @example
 * imu$.pipe(triggeredWindows({ sampleRate: 119, channels: 6 })).subscribe((w) => console.log(w.trigger / w.sampleRate));
 */
export function triggeredWindows(options: TriggerOptions | TriggerPlan): OperatorFunction<SampleChunk, CapturedWindow> {
  const plan = 'description' in options ? options : createTriggerPlan(options);
  return chunkOperator<CapturedWindow>('motion-trigger', (first) => {
    if (first.channels !== plan.channels) throw new InputError('motion-trigger', `input has ${first.channels} channels; the plan expects ${plan.channels}`, first.index);
    if (first.sampleRate !== plan.sampleRate) throw new InputError('motion-trigger', `input is at ${first.sampleRate} Hz; the plan is for ${plan.sampleRate} Hz`, first.index);
    const trigger = new MotionTrigger(plan, first.index);
    const { sampleRate, channels } = first;
    return {
      push(chunk, emit) {
        if (chunk.index !== trigger.expectedIndex) trigger.reset(chunk.index);
        trigger.push(chunk.samples, (c) => emit({ ...c, sampleRate, channels }));
      },
    };
  });
}
