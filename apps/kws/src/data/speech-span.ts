/** Where the speech is in a synthesized utterance: samples `start` (inclusive) to `end` (exclusive). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The span from the first to the last 10 ms frame whose RMS is within `floorDb` of the loudest frame:
 * synthesizers pad words with silence of their own, and the generator places the word itself.
 * An all-zero signal gives an empty span at 0.
 * @example
 * const { start, end } = speechSpan(audio); // audio.subarray(start, end) is the word
 */
export function speechSpan(samples: Float32Array, sampleRate = 16000, floorDb = -40): Span {
  const frame = Math.max(1, Math.round(sampleRate / 100));
  const frames = Math.ceil(samples.length / frame);
  const power = new Float64Array(frames);
  let loudest = 0;
  for (let f = 0; f < frames; f++) {
    const end = Math.min(samples.length, (f + 1) * frame);
    let sum = 0;
    for (let i = f * frame; i < end; i++) sum += samples[i]! * samples[i]!;
    power[f] = sum / (end - f * frame);
    loudest = Math.max(loudest, power[f]!);
  }
  if (loudest === 0) return { start: 0, end: 0 };
  const floor = loudest * 10 ** (floorDb / 10);
  let first = 0;
  while (power[first]! < floor) first++;
  let last = frames - 1;
  while (power[last]! < floor) last--;
  return { start: first * frame, end: Math.min(samples.length, (last + 1) * frame) };
}

/** Mean square of `samples[start..end)`; 0 for an empty range. */
export function meanSquare(samples: Float32Array, start = 0, end = samples.length): number {
  if (end <= start) return 0;
  let sum = 0;
  for (let i = start; i < end; i++) sum += samples[i]! * samples[i]!;
  return sum / (end - start);
}
