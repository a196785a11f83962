/*
 * The signals a generator can make, as plain data: a term, a sum of terms for one channel, or one sum
 * per channel. Amplitudes are in full-scale units (1 = the [-1, 1) range of PCM), frequencies in Hz,
 * times in seconds, phases in degrees (as scipy.signal.chirp's `phi`).
 */

/** amplitude * sin(2 pi f t + phase) */
export interface SineSpec {
  readonly type: 'sine';
  /** Hz, 0..Nyquist */
  readonly frequency: number;
  /** peak; default 1 */
  readonly amplitude?: number;
  /** degrees; default 0 */
  readonly phase?: number;
}

/** A sweep from f0 to f1 over `duration` seconds, repeated every round(duration * sampleRate) samples. */
export interface ChirpSpec {
  readonly type: 'chirp';
  /** Hz at the start of each sweep */
  readonly f0: number;
  /** Hz at the end of each sweep */
  readonly f1: number;
  /** s, one sweep */
  readonly duration: number;
  /** 'linear' (default): f0 + (f1 - f0) t / T; 'logarithmic': f0 (f1 / f0)^(t / T) */
  readonly method?: 'linear' | 'logarithmic';
  /** peak; default 1 */
  readonly amplitude?: number;
  /** degrees; default 0 */
  readonly phase?: number;
}

/** Independent samples, seeded: the same seed gives the same noise on every machine. */
export interface WhiteNoiseSpec {
  readonly type: 'white';
  /** gaussian: the standard deviation (RMS); uniform: the peak, samples in [-amplitude, amplitude); default 1 */
  readonly amplitude?: number;
  /** default 'gaussian' */
  readonly distribution?: 'gaussian' | 'uniform';
  /** integer 0..2^32-1; default 1 (each channel and term derives its own stream from it) */
  readonly seed?: number;
}

/** 1/f noise: -10 dB/decade (-3 dB/octave) from about 2.1e-4 * sampleRate up to Nyquist. */
export interface PinkNoiseSpec {
  readonly type: 'pink';
  /** RMS; default 1 */
  readonly amplitude?: number;
  /** integer 0..2^32-1; default 1 */
  readonly seed?: number;
}

/** Single-sample impulses at `rate` Hz: impulse k at sample round((k / rate + jitter_k) * sampleRate). */
export interface ImpulseTrainSpec {
  readonly type: 'impulse';
  /** Hz, at most sampleRate */
  readonly rate: number;
  /** height of each impulse; default 1 */
  readonly amplitude?: number;
  /** s: each impulse moves by a uniform offset in [-jitter, jitter); below half a period; default 0 */
  readonly jitter?: number;
  /** integer 0..2^32-1 for the jitter; default 1 */
  readonly seed?: number;
}

/** One term of a signal. */
export type ComponentSpec = SineSpec | ChirpSpec | WhiteNoiseSpec | PinkNoiseSpec | ImpulseTrainSpec;

/** What one channel carries: a term or the sum of several. */
export type ChannelSpec = ComponentSpec | readonly ComponentSpec[];

/** The whole signal: the same channel spec on every channel, or one per channel. */
export type SignalSpec = ChannelSpec | { readonly perChannel: readonly ChannelSpec[] };

/** The component types, for messages and the CLI grammar. */
export const COMPONENT_TYPES = ['sine', 'chirp', 'white', 'pink', 'impulse'] as const;
