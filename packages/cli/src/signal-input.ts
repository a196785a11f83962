import { pipe, type OperatorFunction } from 'rxjs';
import { downmix, resample, selectChannel, type SampleChunk } from '@sensorkit/dsp';
import { openSignal, type SignalInfo } from '@sensorkit/io';

export interface InputOptions {
  input: string;
  rate?: number;
  channels?: number;
  format?: string;
  /** a 0-based channel index, or 'mean' to downmix */
  channel: number | 'mean';
}

export interface OpenedInput {
  info: SignalInfo;
  chunks: AsyncIterable<SampleChunk>;
}

/** Opens a file as a stream of chunks (WAV, CSV or raw by extension or --format). */
export async function openInput(options: InputOptions): Promise<OpenedInput> {
  const { info, chunks } = await openSignal(options.input, {
    ...(options.rate !== undefined ? { rate: options.rate } : {}),
    ...(options.channels !== undefined ? { channels: options.channels } : {}),
    ...(options.format !== undefined ? { format: options.format as never } : {}),
  });
  return { info, chunks };
}

/** Mono at `targetRate`: picks or averages channels, then resamples when the rates differ (with a notice). */
export function toMonoAt(info: SignalInfo, channel: number | 'mean', targetRate: number, notice: (m: string) => void): OperatorFunction<SampleChunk, SampleChunk> {
  if (info.channels > 1) notice(channel === 'mean' ? `averaging ${info.channels} channels to mono` : `using channel ${channel} of ${info.channels}`);
  const mono = channel === 'mean' ? downmix() : selectChannel(channel);
  if (info.sampleRate === targetRate) return mono;
  notice(`resampling ${info.sampleRate} Hz -> ${targetRate} Hz`);
  return pipe(mono, resample({ to: targetRate }));
}
