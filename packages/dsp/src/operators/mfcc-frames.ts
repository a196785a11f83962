import type { OperatorFunction } from 'rxjs';
import type { Frame } from '../chunk.js';
import { createMfccPlan, mfcc, type MfccOptions, type MfccPlan } from '../mfcc.js';
import { mapFrames } from './map-frames.js';

/**
 * Frames of `frameLength` samples -> MFCC frames of `coefficients` values.
 * @example
 * chunks$.pipe(frames({ length: 480, hop: 320 }), mfccFrames({ sampleRate: 16000, frameLength: 480, coefficients: 10 }))
 */
export function mfccFrames(options: MfccOptions | MfccPlan): OperatorFunction<Frame, Frame> {
  const plan = 'description' in options ? options : createMfccPlan(options);
  return mapFrames('mfcc', plan.logMel.frameLength, plan.coefficients, (input, out) => mfcc(plan, input, out));
}
