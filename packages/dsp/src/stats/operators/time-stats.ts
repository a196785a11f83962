import { pipe, tap, type OperatorFunction } from 'rxjs';
import { assertFinite, type Frame } from '../../chunk.js';
import { mapFrames } from '../../operators/map-frames.js';
import { computeTimeStats, createTimeStatsPlan, type TimeStatsOptions, type TimeStatsPlan } from '../time-stats.js';

/**
 * Replaces each mono frame of `length` samples by a frame of its statistics, `data[i]` = `plan.stats[i]`
 * (default order: mean, rms, peak, peakToPeak, crest, skewness, kurtosis, zeroCrossingRate). A frame
 * with NaN or ±Infinity samples, or of the wrong length, becomes an error notification.
 * @example
 * chunks$.pipe(frames({ length: 256, hop: 128 }), timeStats({ length: 256, stats: ['rms', 'kurtosis'] }))
 */
export function timeStats(options: TimeStatsOptions | TimeStatsPlan): OperatorFunction<Frame, Frame> {
  const plan = 'description' in options ? options : createTimeStatsPlan(options);
  const block = plan.description.block;
  return pipe(
    tap((frame: Frame) => assertFinite(block, frame.data, frame.index, frame.channels)),
    mapFrames(block, plan.length, plan.outputLength, (input, out) => computeTimeStats(plan, input, out)),
  );
}
