import type { OperatorFunction } from 'rxjs';
import type { Frame } from '../chunk.js';
import { createLogMelPlan, logMel, type LogMelOptions, type LogMelPlan } from '../log-mel.js';
import { mapFrames } from './map-frames.js';

/** Frames of `frameLength` samples -> log-mel (filterbank energy) frames of `bands` values. */
export function logMelFrames(options: LogMelOptions | LogMelPlan): OperatorFunction<Frame, Frame> {
  const plan = 'description' in options ? options : createLogMelPlan(options);
  return mapFrames('logMel', plan.frameLength, plan.mel.bands, (input, out) => logMel(plan, input, out));
}
