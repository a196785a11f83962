import { pipe, type OperatorFunction } from 'rxjs';
import { downmix, resample, selectChannel, type SampleChunk } from '@sensorkit/dsp';
import type { SignalInfo } from '@sensorkit/io';

/** Mono at `targetRate`: picks or averages channels, then resamples when the rates differ (with a notice). */
export function toMonoAt(info: SignalInfo, channel: number | 'mean', targetRate: number, notice: (m: string) => void): OperatorFunction<SampleChunk, SampleChunk> {
  if (info.channels > 1) notice(channel === 'mean' ? `averaging ${info.channels} channels to mono` : `using channel ${channel} of ${info.channels}`);
  const mono = channel === 'mean' ? downmix() : selectChannel(channel);
  if (info.sampleRate === targetRate) return mono;
  notice(`resampling ${info.sampleRate} Hz -> ${targetRate} Hz`);
  return pipe(mono, resample({ to: targetRate }));
}
