/**
 * Cuts a recording of `count` utterances separated by pauses into `count` pieces, at the middle of the
 * `count - 1` longest silent runs (10 ms frames whose peak is below `floor`) of at least `minPause`
 * seconds. Returns undefined when the recording does not hold exactly `count` pauses that long (the
 * caller then speaks each utterance alone).
 * @example
 * const words = splitAtPauses(audio, 11, 16000); // Float32Array[] of 11, or undefined
 */
export function splitAtPauses(samples: Float32Array, count: number, sampleRate: number, minPause = 0.3, floor = 1e-3): Float32Array[] | undefined {
  const frame = Math.round(sampleRate / 100);
  const frames = Math.floor(samples.length / frame);
  const silent: boolean[] = [];
  for (let f = 0; f < frames; f++) {
    let peak = 0;
    for (let i = f * frame; i < (f + 1) * frame; i++) peak = Math.max(peak, Math.abs(samples[i]!));
    silent.push(peak < floor);
  }
  // Silent runs strictly between sound: leading and trailing silence is not a separator.
  const first = silent.indexOf(false);
  const last = silent.lastIndexOf(false);
  if (first < 0) return undefined;
  const cuts: number[] = [];
  for (let f = first; f <= last; f++) {
    if (!silent[f]) continue;
    let end = f;
    while (end <= last && silent[end]) end++;
    if ((end - f) / 100 >= minPause) cuts.push(Math.round(((f + end) / 2) * frame));
    f = end;
  }
  if (cuts.length !== count - 1) return undefined;
  const bounds = [0, ...cuts, samples.length];
  return bounds.slice(1).map((end, i) => samples.slice(bounds[i]!, end));
}
