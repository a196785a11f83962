import { createResamplePlan, resampleSignal, type ResamplePlan } from '@sensorkit/dsp';

// Speed factors are rounded to 1 %: the resampling ratio 100 : (100 * factor) then stays small, and a
// plan per factor is built once.
const STEP = 0.01;
const plans = new Map<number, ResamplePlan>();

/** `factor` rounded to the step `changeSpeed` applies (1 %). */
export function quantizeSpeed(factor: number): number {
  return Math.round(factor / STEP) / Math.round(1 / STEP);
}

/**
 * Plays `samples` `factor` times faster (1.1 = 10 % shorter and 10 % higher in pitch), as a tape or
 * Kaldi's speed perturbation does: a polyphase resampling from 100 * factor to 100 samples.
 * @example
 * const faster = changeSpeed(word, 1.05); // about word.length / 1.05 samples
 */
export function changeSpeed(samples: Float32Array, factor: number): Float32Array {
  const percent = Math.round(quantizeSpeed(factor) * 100);
  if (percent === 100) return samples;
  let plan = plans.get(percent);
  if (!plan) plans.set(percent, (plan = createResamplePlan({ from: percent, to: 100 })));
  return resampleSignal(plan, samples);
}
