import type { SampleChunk } from '@sensorkit/dsp';
import { readCsv } from '@sensorkit/io';
import { imuColumns, toModelUnits, type AccelUnit, type GyroUnit } from './imu-columns.js';

export interface ReadImuFileOptions {
  /** Hz, when the file has no timestamp column */
  rate?: number;
  accelUnit?: AccelUnit;
  gyroUnit?: GyroUnit;
}

/**
 * A CSV recording as IMU chunks in the model's channel order and units (g, deg/s): a continuous log is
 * one run of chunks; segments of an Arduino capture file (blank lines) are separated by a gap in
 * `index` as long as the segment before, so stateful blocks downstream (trigger, framing) restart.
 * @example
 * const { chunks, channels } = await readImuFile('session.csv', { rate: 100 });
 */
export async function readImuFile(file: string, options: ReadImuFileOptions = {}): Promise<{ chunks: SampleChunk[]; channels: number; sampleRate: number }> {
  const csv = await readCsv(file, options.rate === undefined ? {} : { sampleRate: options.rate });
  const pick = imuColumns(file, csv.columns);
  const channels = pick.length;
  const chunks: SampleChunk[] = [];
  let index = 0;
  for (const s of csv.segments) {
    const frames = s.samples.length / csv.channels;
    const samples = new Float32Array(frames * channels);
    for (let n = 0; n < frames; n++) for (let c = 0; c < channels; c++) samples[n * channels + c] = s.samples[n * csv.channels + pick[c]!]!;
    toModelUnits(samples, channels, options.accelUnit ?? 'g', options.gyroUnit ?? 'deg/s');
    chunks.push({ samples, sampleRate: csv.sampleRate, channels, index });
    index += 2 * frames;
  }
  return { chunks, channels, sampleRate: csv.sampleRate };
}
