import { createButterworthPlan, SosFilter, type Random } from '@sensorkit/dsp';
import { createSignalPlan, generateSignal } from '@sensorkit/io';

export const COLORED_NOISES = ['white', 'pink', 'brown'] as const;
export type ColoredNoise = (typeof COLORED_NOISES)[number];

/**
 * `length` samples of unit-RMS-order coloured noise at 16 kHz, from one seed: white and pink from the
 * kit's signal generators, brown (1/f^2 above 20 Hz) as white noise through a first-order low-pass at 20 Hz.
 * @example
 * const hiss = coloredNoise('pink', 16000, 7);
 */
export function coloredNoise(color: ColoredNoise, length: number, seed: number, sampleRate = 16000): Float32Array {
  if (color === 'pink') return generateSignal(createSignalPlan({ type: 'pink', amplitude: 1, seed }, { sampleRate }), 0, length);
  if (color === 'white') return generateSignal(createSignalPlan({ type: 'white', amplitude: 1, seed }, { sampleRate }), 0, length);
  // Run the low-pass over a second of lead-in so the clip does not start with the filter's rise.
  const lead = sampleRate;
  const long = generateSignal(createSignalPlan({ type: 'white', amplitude: 1, seed }, { sampleRate }), 0, length + lead);
  new SosFilter(createButterworthPlan({ type: 'lowpass', order: 1, sampleRate, cutoff: 20 })).process(long, long);
  return long.slice(lead);
}

/** A recording to cut noise from, and where the cut came from. */
export interface NoiseRecording {
  /** file name, recorded in the manifest */
  readonly name: string;
  /** mono samples at 16 kHz */
  readonly samples: Float32Array;
}

/** A random `length`-sample excerpt of one of `recordings`; returns the excerpt and where it starts. */
export function recordingExcerpt(recordings: readonly NoiseRecording[], length: number, random: Random): { samples: Float32Array; name: string; start: number } {
  const rec = recordings[Math.floor(random.uniform() * recordings.length)]!;
  const start = Math.floor(random.uniform() * Math.max(1, rec.samples.length - length));
  const samples = new Float32Array(length);
  samples.set(rec.samples.subarray(start, start + length));
  return { samples, name: rec.name, start };
}
