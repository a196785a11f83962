import { createFftPlan, inverseRealFft, realFft, type FftPlan, type Random } from '@sensorkit/dsp';

/**
 * A synthetic room impulse response: the direct sound (1 at sample 0), then a reverberant tail of
 * Gaussian noise decaying by 60 dB in `rt60` seconds, starting after `predelay` seconds, scaled so that
 * the direct-to-reverberant energy ratio is `drrDb` (statistical room model in the spirit of Kaldi's and
 * pyroomacoustics' synthetic reverberation, without room geometry).
 * @example
 * const rir = roomImpulseResponse(createRandom(1), { rt60: 0.4, drrDb: 3, predelay: 0.004 });
 */
export function roomImpulseResponse(random: Random, room: { rt60: number; drrDb: number; predelay: number }, sampleRate = 16000): Float32Array {
  const delay = Math.round(room.predelay * sampleRate);
  const tail = Math.round(room.rt60 * sampleRate);
  const h = new Float32Array(1 + delay + tail);
  h[0] = 1;
  const decay = Math.log(1000) / (room.rt60 * sampleRate); // amplitude e-folding per sample: -60 dB at rt60
  let energy = 0;
  const start = 1 + delay;
  for (let i = 0; i < tail; i++) {
    const v = random.gaussian() * Math.exp(-decay * i);
    h[start + i] = v;
    energy += v * v;
  }
  const scale = Math.sqrt(10 ** (-room.drrDb / 10) / energy);
  for (let i = start; i < h.length; i++) h[i]! *= scale;
  return h;
}

const plans = new Map<number, FftPlan>();

/**
 * Full linear convolution of `x` and `h` (length x + h - 1) by one FFT of the next power of two:
 * a second-long tail over a word would cost 10^8 multiply-adds done directly.
 * @example
 * const wet = convolve(word, rir);
 */
export function convolve(x: Float32Array, h: Float32Array): Float32Array {
  const length = x.length + h.length - 1;
  let size = 2;
  while (size < length) size *= 2;
  let plan = plans.get(size);
  if (!plan) plans.set(size, (plan = createFftPlan({ size })));
  const a = new Float32Array(size);
  const b = new Float32Array(size);
  a.set(x);
  b.set(h);
  const A = new Float32Array(2 * plan.bins);
  const B = new Float32Array(2 * plan.bins);
  realFft(plan, a, A);
  realFft(plan, b, B);
  for (let k = 0; k < plan.bins; k++) {
    const re = A[2 * k]! * B[2 * k]! - A[2 * k + 1]! * B[2 * k + 1]!;
    const im = A[2 * k]! * B[2 * k + 1]! + A[2 * k + 1]! * B[2 * k]!;
    A[2 * k] = re;
    A[2 * k + 1] = im;
  }
  inverseRealFft(plan, A, a);
  return a.slice(0, length);
}
