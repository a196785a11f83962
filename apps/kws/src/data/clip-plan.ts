import { createRandom } from '@sensorkit/dsp';
import { sampleFilePath } from '@sensorkit/io';
import { derivedSeed } from './seeds.js';
import type { Split } from './splits.js';
import type { Prosody } from './synthesize.js';
import type { Voice } from './voices.js';
import { phraseLabel, SILENCE_LABEL, UNKNOWN_LABEL } from './words.js';

/** One clip to make: its file, label, what is said by whom, its split and its own seed. */
export interface PlannedClip {
  /** manifest path: `<label>/<label>.<n>.wav` */
  readonly file: string;
  readonly label: string;
  /** what is spoken; '' for `_silence_` */
  readonly text: string;
  /** the index of the voice in `ClipPlan.voices`; undefined for `_silence_` */
  readonly voice: number | undefined;
  readonly rendition: number;
  readonly prosody: Prosody | undefined;
  readonly split: Split;
  readonly seed: number;
}

/** Everything the generator will write, decided before the first synthesizer runs. */
export interface ClipPlan {
  readonly labels: readonly string[];
  readonly voices: readonly Voice[];
  /** renditions (pitch and rate draws) of each voice, by index in `voices` */
  readonly renditions: readonly number[];
  readonly clips: readonly PlannedClip[];
}

export interface ClipPlanOptions {
  /** target words and phrases, normalized (requirePhrase) */
  readonly targets: readonly string[];
  readonly voices: readonly Voice[];
  /** split of each speaker (assignSplits) */
  readonly splits: ReadonlyMap<string, Split>;
  /** renditions per voice; flite and festival voices in the train split get `recordedBoost` times as many */
  readonly perVoice: number;
  readonly recordedBoost: number;
  /** `_unknown_` and `_silence_` clips per clip of one target word */
  readonly unknownShare: number;
  readonly silenceShare: number;
  readonly vocabulary: readonly string[];
  readonly seed: number;
}

/** Pitch range (0..1 of the engine's range) and rate factors each rendition draws from. */
const PITCH: readonly [number, number] = [0.15, 0.85];
const RATE: readonly [number, number] = [0.8, 1.25];
// Vocal-tract warp of the recorded voices (see Prosody.warp): about -12 % .. +15 % in formant frequency.
const WARP: readonly [number, number] = [0.88, 1.15];

/**
 * The whole dataset as a list of clips, in file order, from the options alone: voice after voice,
 * rendition after rendition, each target word once, then its share of `_unknown_` words and `_silence_`.
 * Pure and seeded.
 * @example
 * const plan = planClips({ targets: ['yes', 'no'], voices, splits, perVoice: 1, recordedBoost: 16, unknownShare: 1, silenceShare: 1, vocabulary, seed: 1 });
 */
export function planClips(o: ClipPlanOptions): ClipPlan {
  const labels = [...o.targets.map(phraseLabel), UNKNOWN_LABEL, SILENCE_LABEL];
  const counts = new Map<string, number>();
  const fileOf = (label: string): string => {
    const n = (counts.get(label) ?? 0) + 1;
    counts.set(label, n);
    return sampleFilePath(label, n, 'wav');
  };
  const clips: PlannedClip[] = [];
  const renditions: number[] = [];
  let renditionIndex = 0;
  const share = (fraction: number, i: number): number => Math.floor((i + 1) * fraction) - Math.floor(i * fraction);
  o.voices.forEach((voice, v) => {
    const split = o.splits.get(voice.speaker)!;
    // The boost gives training enough of the few recorded people; in validation and test every voice
    // weighs the same, so one held-out person does not make up a sixth of the score.
    const count = voice.engine === 'espeak-ng' || split !== 'train' ? o.perVoice : o.perVoice * o.recordedBoost;
    renditions.push(count);
    for (let r = 0; r < count; r++, renditionIndex++) {
      const random = createRandom(derivedSeed(o.seed, 'rendition', voice.id, r));
      const pitch = round(PITCH[0] + (PITCH[1] - PITCH[0]) * random.uniform());
      const rate = round(RATE[0] + (RATE[1] - RATE[0]) * random.uniform());
      const warp = Math.round(100 * (WARP[0] + (WARP[1] - WARP[0]) * random.uniform())) / 100;
      const prosody: Prosody = voice.engine === 'espeak-ng' ? { pitch, rate } : { pitch, rate, warp };
      const speak = (label: string, text: string, k: number): void => {
        clips.push({ file: fileOf(label), label, text, voice: v, rendition: r, prosody, split, seed: derivedSeed(o.seed, 'clip', label, voice.id, r, k) });
      };
      o.targets.forEach((t, k) => speak(phraseLabel(t), t, k));
      const unknown = share(o.unknownShare, renditionIndex);
      for (let k = 0; k < unknown; k++) speak(UNKNOWN_LABEL, o.vocabulary[Math.floor(random.uniform() * o.vocabulary.length)]!, k);
      const silence = share(o.silenceShare, renditionIndex);
      for (let k = 0; k < silence; k++) {
        clips.push({ file: fileOf(SILENCE_LABEL), label: SILENCE_LABEL, text: '', voice: undefined, rendition: r, prosody: undefined, split, seed: derivedSeed(o.seed, 'silence', voice.id, r, k) });
      }
    }
  });
  return { labels, voices: o.voices, renditions, clips };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
