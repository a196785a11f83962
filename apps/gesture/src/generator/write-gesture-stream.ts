import { formatSegmentedCsv, writeFileAtomic } from '@sensorkit/io';
import { IMU_AXES } from './gesture-set.js';
import type { GestureStream } from './gesture-stream.js';

/** Where a stream's ground truth goes: next to it, `<file>.json`. */
export function streamTruthPath(file: string): string {
  return `${file}.json`;
}

/**
 * Writes a generated stream as a continuous CSV (header aX,aY,aZ,gX,gY,gZ, a time column t in seconds
 * so the rate travels with the file) and its ground truth (rate, gesture start and end times) as JSON.
 * @example
 * await writeGestureStream('session.csv', generateGestureStream({ seed: 2 }));
 */
export async function writeGestureStream(file: string, stream: GestureStream): Promise<void> {
  const frames = stream.samples.length / 6;
  const rows = new Float32Array(frames * 7);
  for (let n = 0; n < frames; n++) {
    // Time in ms, whole numbers at 100 Hz and close enough at any rate: the reader derives the rate from it.
    rows[n * 7] = Math.round((n / stream.sampleRate) * 1e6) / 1e3;
    rows.set(stream.samples.subarray(n * 6, n * 6 + 6), n * 7 + 1);
  }
  await writeFileAtomic(file, formatSegmentedCsv(['millis', ...IMU_AXES], [rows], 7));
  await writeFileAtomic(streamTruthPath(file), `${JSON.stringify({ sampleRate: stream.sampleRate, gestures: stream.truth }, null, 2)}\n`);
}
