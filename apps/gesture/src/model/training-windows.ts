import type { LabelledSegment } from '../data/load-gesture-data.js';

/**
 * The windows a segment gives for training: a captured gesture is one window whatever its length (it
 * is resampled later); a long run of one label in a continuous log (more than 1.5 windows) is cut into
 * windows of `windowFrames` every half window, so a minute of idle gives many negative examples.
 */
export function segmentWindows(segment: LabelledSegment, channels: number, windowFrames: number): Float32Array[] {
  const frames = segment.samples.length / channels;
  if (frames <= 1.5 * windowFrames) return [segment.samples];
  const hop = Math.max(1, Math.floor(windowFrames / 2));
  const out: Float32Array[] = [];
  for (let start = 0; start + windowFrames <= frames; start += hop) out.push(segment.samples.subarray(start * channels, (start + windowFrames) * channels));
  return out;
}

/** The median duration of the segments, s: the window of a model trained on captures of that length. */
export function medianDuration(segments: readonly LabelledSegment[], channels: number, sampleRate: number): number {
  const frames = segments.map((s) => s.samples.length / channels).sort((a, b) => a - b);
  return frames[Math.floor(frames.length / 2)]! / sampleRate;
}
