import { pipe, type OperatorFunction } from 'rxjs';
import type { Frame, SampleChunk } from '../chunk.js';
import { createSpectrogramPlan, spectrogramFrame, type SpectrogramOptions, type SpectrogramPlan } from '../spectrogram.js';
import { frames } from './frames.js';
import { mapFrames } from './map-frames.js';

/** Sample stream -> spectrogram columns (bins 0..fftSize/2), one Frame per hop. */
export function spectrogramFrames(options: SpectrogramOptions | SpectrogramPlan): OperatorFunction<SampleChunk, Frame> {
  const plan = 'description' in options ? options : createSpectrogramPlan(options);
  return pipe(
    frames(plan.framing),
    mapFrames('spectrogram', plan.framing.length, plan.bins, (input, out) => spectrogramFrame(plan, input, out)),
  );
}
