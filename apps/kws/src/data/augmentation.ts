import { createButterworthPlan, SosFilter, type Random } from '@sensorkit/dsp';
import { COLORED_NOISES, coloredNoise, recordingExcerpt, type ColoredNoise, type NoiseRecording } from './noise-sources.js';
import { changeSpeed, quantizeSpeed } from './speed.js';
import { convolve, roomImpulseResponse } from './room-reverb.js';
import { meanSquare, speechSpan } from './speech-span.js';

/** Ranges the augmentation draws from (uniformly, per clip). */
export interface AugmentationRanges {
  /** speech-to-noise ratio over the word, dB */
  readonly snrDb: readonly [number, number];
  /** speed (and pitch) factor */
  readonly speed: readonly [number, number];
  /** peak level of the finished clip, dB re full scale */
  readonly peakDbfs: readonly [number, number];
  /** peak level of `_silence_` clips, dB re full scale (down to near digital silence) */
  readonly silencePeakDbfs: readonly [number, number];
  /** share of clips mixed with a real recording (the rest get white, pink or brown noise) */
  readonly recordingShare: number;
  /** share of clips in a synthetic room, and its reverberation time (s) and direct-to-reverberant ratio (dB) */
  readonly reverbShare: number;
  readonly rt60: readonly [number, number];
  readonly drrDb: readonly [number, number];
  /** share of clips band-limited like a cheap microphone, and the band's edges (Hz) */
  readonly bandShare: number;
  readonly lowHz: readonly [number, number];
  readonly highHz: readonly [number, number];
}

export const DEFAULT_AUGMENTATION: AugmentationRanges = {
  snrDb: [5, 30],
  speed: [0.9, 1.1],
  peakDbfs: [-25, -1],
  silencePeakDbfs: [-60, -10],
  recordingShare: 0.5,
  reverbShare: 0.5,
  rt60: [0.15, 0.7],
  drrDb: [0, 12],
  bandShare: 0.5,
  lowHz: [80, 400],
  highHz: [2800, 7000],
};

/** What was done to one clip, as recorded in the manifest: enough to understand (and redo) it. */
export interface Augmentation {
  /** speed factor applied to the synthesized word (raised above the drawn one when the word had to fit) */
  speed?: number;
  /** where the word starts in the clip and how long it is (before reverberation), s */
  offsetSeconds?: number;
  speechSeconds?: number;
  /** `recording` (a real noise file, see noiseFile/noiseStartSeconds) or a synthetic colour */
  noise: 'recording' | ColoredNoise;
  noiseFile?: string;
  noiseStartSeconds?: number;
  /** speech power over the word / noise power over the word, dB */
  snrDb?: number;
  reverb: { rt60: number; drrDb: number; predelay: number } | null;
  /** Butterworth band-pass edges (Hz) and order */
  band: { lowHz: number; highHz: number; order: number } | null;
  peakDbfs: number;
}

/** A finished clip and its two parts (speech and noise, after the same room, band and gain). */
export interface RenderedClip {
  readonly mix: Float32Array;
  readonly speech: Float32Array;
  readonly noise: Float32Array;
  readonly augmentation: Augmentation;
}

/** The clip length: 1 s at 16 kHz. */
export const CLIP_SAMPLES = 16000;
const RATE = 16000;
// Room for the word to move: one that is longer after the speed change is sped up to fit.
const MAX_WORD = Math.round(0.95 * CLIP_SAMPLES);

/**
 * Makes one training clip from a synthesized utterance (16 kHz): trims the synthesizer's silence,
 * changes speed, places the word at a random offset in 1 s, adds a synthetic room, band-limits like a
 * cheap microphone, mixes noise at a random SNR (measured over the word) and sets a random peak level.
 * Pure: the same `random` state gives the same clip.
 * @example
 * const clip = renderWordClip(audio, createRandom(seed), DEFAULT_AUGMENTATION, [dishes]);
 */
export function renderWordClip(utterance: Float32Array, random: Random, ranges: AugmentationRanges, recordings: readonly NoiseRecording[]): RenderedClip {
  const span = speechSpan(utterance);
  if (span.end <= span.start) throw new Error('the synthesizer returned silence');
  const word = utterance.subarray(span.start, span.end);
  let speed = quantizeSpeed(uniform(random, ranges.speed));
  if (word.length / speed > MAX_WORD) speed = Math.ceil((word.length / MAX_WORD) * 100) / 100;
  const fast = changeSpeed(word, speed);
  const dryLength = Math.min(fast.length, MAX_WORD);
  const offset = Math.floor(random.uniform() * (CLIP_SAMPLES - dryLength + 1));
  const reverb = random.uniform() < ranges.reverbShare ? { rt60: round(uniform(random, ranges.rt60), 3), drrDb: round(uniform(random, ranges.drrDb), 2), predelay: round(0.002 + 0.008 * random.uniform(), 4) } : null;
  const wet = reverb ? convolve(fast, roomImpulseResponse(random, reverb)) : fast;
  const speech = new Float32Array(CLIP_SAMPLES);
  speech.set(wet.subarray(0, CLIP_SAMPLES - offset), offset);
  const drawn = drawNoise(random, ranges, recordings);
  const band = drawBand(random, ranges);
  if (band) {
    bandLimit(speech, band);
    bandLimit(drawn.samples, band);
  }
  const snrDb = round(uniform(random, ranges.snrDb), 2);
  const speechPower = meanSquare(speech, offset, offset + dryLength);
  const noisePower = meanSquare(drawn.samples, offset, offset + dryLength);
  scale(drawn.samples, noisePower > 0 ? Math.sqrt(speechPower / noisePower / 10 ** (snrDb / 10)) : 0);
  const peakDbfs = round(uniform(random, ranges.peakDbfs), 2);
  const { mix, noise } = finish(speech, drawn.samples, peakDbfs);
  return {
    mix,
    speech,
    noise,
    augmentation: {
      speed,
      offsetSeconds: offset / RATE,
      speechSeconds: dryLength / RATE,
      ...drawn.description,
      snrDb,
      reverb,
      band,
      peakDbfs,
    },
  };
}

/**
 * A `_silence_` clip: noise only (a real recording or a synthetic colour), maybe band-limited, at a
 * random peak level from near digital silence to loud.
 * @example
 * const clip = renderSilenceClip(createRandom(seed), DEFAULT_AUGMENTATION, [dishes]);
 */
export function renderSilenceClip(random: Random, ranges: AugmentationRanges, recordings: readonly NoiseRecording[]): RenderedClip {
  const drawn = drawNoise(random, ranges, recordings);
  const band = drawBand(random, ranges);
  if (band) bandLimit(drawn.samples, band);
  const peakDbfs = round(uniform(random, ranges.silencePeakDbfs), 2);
  const speech = new Float32Array(CLIP_SAMPLES);
  const { mix, noise } = finish(speech, drawn.samples, peakDbfs);
  return { mix, speech, noise, augmentation: { ...drawn.description, reverb: null, band, peakDbfs } };
}

function drawNoise(random: Random, ranges: AugmentationRanges, recordings: readonly NoiseRecording[]): { samples: Float32Array; description: Pick<Augmentation, 'noise' | 'noiseFile' | 'noiseStartSeconds'> } {
  if (recordings.length > 0 && random.uniform() < ranges.recordingShare) {
    const cut = recordingExcerpt(recordings, CLIP_SAMPLES, random);
    return { samples: cut.samples, description: { noise: 'recording', noiseFile: cut.name, noiseStartSeconds: cut.start / RATE } };
  }
  const color = COLORED_NOISES[Math.floor(random.uniform() * COLORED_NOISES.length)]!;
  const seed = Math.floor(random.uniform() * 2 ** 32);
  return { samples: coloredNoise(color, CLIP_SAMPLES, seed), description: { noise: color } };
}

function drawBand(random: Random, ranges: AugmentationRanges): Augmentation['band'] {
  if (random.uniform() >= ranges.bandShare) return null;
  return { lowHz: Math.round(uniform(random, ranges.lowHz)), highHz: Math.round(uniform(random, ranges.highHz)), order: 2 + Math.floor(random.uniform() * 3) };
}

function bandLimit(samples: Float32Array, band: NonNullable<Augmentation['band']>): void {
  const plan = createButterworthPlan({ type: 'bandpass', order: band.order, sampleRate: RATE, cutoff: [band.lowHz, band.highHz] });
  new SosFilter(plan).process(samples, samples);
}

/** Scales both parts so their sum peaks at `peakDbfs`; the parts stay exactly what the sum is made of. */
function finish(speech: Float32Array, noise: Float32Array, peakDbfs: number): { mix: Float32Array; noise: Float32Array } {
  const mix = new Float32Array(CLIP_SAMPLES);
  let peak = 0;
  for (let i = 0; i < CLIP_SAMPLES; i++) peak = Math.max(peak, Math.abs(speech[i]! + noise[i]!));
  const gain = peak > 0 ? 10 ** (peakDbfs / 20) / peak : 0;
  scale(speech, gain);
  scale(noise, gain);
  for (let i = 0; i < CLIP_SAMPLES; i++) mix[i] = speech[i]! + noise[i]!;
  return { mix, noise };
}

function scale(x: Float32Array, k: number): void {
  for (let i = 0; i < x.length; i++) x[i]! *= k;
}

function uniform(random: Random, [lo, hi]: readonly [number, number]): number {
  return lo + (hi - lo) * random.uniform();
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
