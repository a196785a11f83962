import { identity, type OperatorFunction } from 'rxjs';
import { preEmphasis, type SampleChunk } from '@sensorkit/dsp';

/** Pre-emphasis as a pipeline stage; coefficient 0 leaves the stream untouched. */
export function preEmphasisStage(coefficient: number): OperatorFunction<SampleChunk, SampleChunk> {
  return coefficient === 0 ? identity : preEmphasis({ coefficient });
}
