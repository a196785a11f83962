import { createResamplePlan, InputError, Resampler, type SampleChunk } from '@sensorkit/dsp';
import { openSignal, type OpenSignalOptions, type SignalInfo } from '@sensorkit/io';
import type { WindowFeaturesPlan } from './feature-plan.js';
import { FeatureStream, type FeatureRow } from './feature-stream.js';

/** A file's windows through a feature plan. */
export interface FileFeatures {
  file: string;
  info: SignalInfo;
  /** s of signal read */
  seconds: number;
  rows: FeatureRow[];
}

/**
 * The chunks of a file at `rate` Hz: as stored when the rates agree, else through a streaming
 * polyphase resampler (scipy resample_poly's filter; zero-phase, so window times do not shift).
 */
export async function* chunksAtRate(file: string, chunks: AsyncIterable<SampleChunk>, info: SignalInfo, rate: number): AsyncGenerator<SampleChunk> {
  if (info.sampleRate === rate) {
    yield* chunks;
    return;
  }
  if (!Number.isInteger(info.sampleRate)) {
    throw new InputError('anomaly', `${file}: ${info.sampleRate} Hz cannot be resampled to the model's ${rate} Hz (whole Hz only); give --rate`);
  }
  const resampler = new Resampler(createResamplePlan({ from: info.sampleRate, to: rate }), info.channels);
  let index = 0;
  for await (const chunk of chunks) {
    const out = new Float32Array(resampler.outputLength(chunk.samples.length / info.channels) * info.channels);
    resampler.push(chunk.samples, out);
    if (out.length > 0) yield { samples: out, sampleRate: rate, channels: info.channels, index };
    index += out.length / info.channels;
  }
  const tail = new Float32Array(resampler.flushLength() * info.channels);
  resampler.flush(tail);
  if (tail.length > 0) yield { samples: tail, sampleRate: rate, channels: info.channels, index };
}

/** Opens a signal file and checks that its axes match the plan's. */
export async function openForPlan(file: string, plan: WindowFeaturesPlan, options: OpenSignalOptions): Promise<{ info: SignalInfo; chunks: AsyncIterable<SampleChunk> }> {
  const opened = await openSignal(file, options);
  if (opened.info.channels !== plan.channels) {
    throw new InputError('anomaly', `${file}: ${opened.info.channels} channel(s); the model takes ${plan.channels}`);
  }
  return opened;
}

/**
 * Feature rows of every window of a file, resampled to the plan's rate when needed.
 * @example
 * const { rows } = await fileFeatures('normal.wav', plan, {});
 */
export async function fileFeatures(file: string, plan: WindowFeaturesPlan, options: OpenSignalOptions = {}): Promise<FileFeatures> {
  const { info, chunks } = await openForPlan(file, plan, options);
  const stream = new FeatureStream(plan);
  const rows: FeatureRow[] = [];
  let frames = 0;
  for await (const chunk of chunksAtRate(file, chunks, info, plan.sampleRate)) {
    frames += chunk.samples.length / chunk.channels;
    rows.push(...stream.push(chunk));
  }
  return { file, info, seconds: frames / plan.sampleRate, rows };
}
