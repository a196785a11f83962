import type { OperatorFunction } from 'rxjs';
import type { Frame } from '../../chunk.js';
import { createSmoothingPlan, OnePoleSmoother, type SmoothingOptions } from '../smoothing.js';
import { frameOperator } from '../../operators/frame-operator.js';

/**
 * One-pole smoothing of each element of a frame stream (e.g. class scores or a spectrum). With a
 * timeConstant (seconds) and no rate, the weight follows the time between frames given by their indices.
 * @example
 * scores$.pipe(smoothFrames({ timeConstant: 0.3 }))
 */
export function smoothFrames(options: SmoothingOptions): OperatorFunction<Frame, Frame> {
  const plan = createSmoothingPlan(options);
  return frameOperator<Frame>('smoothFrames', (first) => {
    const smoother = new OnePoleSmoother(plan, first.data.length);
    let previous = first.index;
    return (frame) => {
      const data = new Float32Array(frame.data.length);
      smoother.push(frame.data, data, (frame.index - previous) / frame.sampleRate);
      previous = frame.index;
      return { data, index: frame.index, sampleRate: frame.sampleRate, channels: frame.channels };
    };
  });
}
