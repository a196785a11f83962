/**
 * Resamples an interleaved window of any length to `length` frames by linear interpolation, the ends
 * mapped onto the ends, optionally through a time warp. Gestures are slow against any rate an IMU runs at
 * (the fastest, a shake, is under 10 Hz; 64 points over 1.5 s keep up to 21 Hz), so interpolation loses
 * nothing a polyphase filter would keep, and it stretches by any non-integer factor the warp asks for.
 * @param warp maps output time u in [0, 1] to input time in [0, 1] (monotonic); identity when absent
 * @example
 * const x = toFixedLength(segment, 6, 64); // 64 x 6, whatever the segment's length
 */
export function toFixedLength(samples: Float32Array, channels: number, length: number, warp?: (u: number) => number, out = new Float32Array(length * channels)): Float32Array {
  const frames = samples.length / channels;
  const last = frames - 1;
  for (let i = 0; i < length; i++) {
    const u = length === 1 ? 0 : i / (length - 1);
    const at = Math.min(last, Math.max(0, (warp ? warp(u) : u) * last));
    const lo = Math.floor(at);
    const hi = Math.min(last, lo + 1);
    const w = at - lo;
    for (let c = 0; c < channels; c++) out[i * channels + c] = samples[lo * channels + c]! * (1 - w) + samples[hi * channels + c]! * w;
  }
  return out;
}
