import type { OperatorFunction } from 'rxjs';
import type { Frame } from '../../chunk.js';
import { createRunningNormPlan, RunningNormalizer, type RunningNormOptions } from '../running-norm.js';
import { frameOperator } from '../../operators/frame-operator.js';

export type NormalizeOptions = Omit<RunningNormOptions, 'size'>;

/**
 * Running per-element normalisation of a frame stream (size from the first frame): each value becomes
 * (x - mean) / sqrt(variance + epsilon) with statistics over the frames so far, this one included. With
 * a timeConstant and no rate, the forgetting weight follows the frames' sample indices (time between frames).
 * @example
 * mfcc$.pipe(normalize({ mode: 'exponential', timeConstant: 5 })) // adapts over ~5 s of frames
 */
export function normalize(options: NormalizeOptions = {}): OperatorFunction<Frame, Frame> {
  createRunningNormPlan({ ...options, size: 1 }); // options are checked now, before any frame
  return frameOperator<Frame>('normalize', (first) => {
    const norm = new RunningNormalizer(createRunningNormPlan({ ...options, size: first.data.length }));
    let previous = first.index;
    return (frame) => {
      const data = new Float32Array(frame.data.length);
      norm.push(frame.data, data, (frame.index - previous) / frame.sampleRate);
      previous = frame.index;
      return { data, index: frame.index, sampleRate: frame.sampleRate, channels: frame.channels };
    };
  });
}
