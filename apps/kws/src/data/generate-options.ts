import { ParameterError, rejectUnknownOptions, requireInRange, requireInteger } from '@sensorkit/dsp';
import { DEFAULT_AUGMENTATION, type AugmentationRanges } from './augmentation.js';
import { NOISE_DIR } from './background-noise.js';
import { SYNTHESIZER_PACKAGES, type SynthesizerEngine } from './run-synthesizer.js';
import { ENGINES } from './voices.js';
import { requirePhrase } from './words.js';

/** What `generateKeywordDataset` makes. Only `out` and one of `words` / `wakeWord` are required. */
export interface KeywordDatasetOptions {
  /** folder to write; must not exist or be empty (or, with `overwrite`, hold a dataset generate wrote) */
  out: string;
  /** target words, e.g. ['yes', 'no', ...] */
  words?: readonly string[];
  /** a wake-word phrase, e.g. 'hey kit': one more target, and its near-misses among `_unknown_` */
  wakeWord?: string;
  /** dataset seed; default 1 */
  seed?: number;
  /** renditions (pitch and rate draws) of every voice; default 1 */
  perVoice?: number;
  /** renditions of every flite and festival voice in the train split per espeak-ng rendition (they are few); default 16 */
  recordedBoost?: number;
  /** 'all' (default), a number of voices (distinct speakers first, chosen with the seed), or voice ids */
  voices?: 'all' | number | readonly string[];
  /** synthesizers to use; default all three */
  engines?: readonly SynthesizerEngine[];
  /** fractions of speakers held out for validation and test; default 0.1 each */
  validation?: number;
  test?: number;
  /** `_unknown_` clips per clip of one target word; default 1 (3 with a single target) */
  unknownShare?: number;
  /** `_silence_` clips per clip of one target word; default 1 */
  silenceShare?: number;
  /** synthesizer processes run at once, 1..2; default 2 */
  jobs?: number;
  /** folder of the noise recordings; default the shipped datasets/speech-commands-noise */
  noiseDir?: string;
  /** augmentation ranges, over DEFAULT_AUGMENTATION */
  augmentation?: Partial<AugmentationRanges>;
  /** also write each clip's speech and noise parts (float32) under `<out>/parts/`, for checking the mix */
  writeParts?: boolean;
  /** replace a dataset that generate wrote before in `out` */
  overwrite?: boolean;
  /** called after each voice with clips written so far and the total */
  onProgress?: (done: number, total: number) => void;
  /** clock for the manifest's times; default the system clock */
  now?: () => Date;
}

/** The options with every default filled in and every value checked. */
export interface ResolvedKeywordOptions {
  readonly out: string;
  readonly words: readonly string[];
  readonly wakeWord: string | null;
  readonly targets: readonly string[];
  readonly seed: number;
  readonly perVoice: number;
  readonly recordedBoost: number;
  readonly voices: 'all' | number | readonly string[];
  readonly engines: readonly SynthesizerEngine[];
  readonly validation: number;
  readonly test: number;
  readonly unknownShare: number;
  readonly silenceShare: number;
  readonly jobs: number;
  readonly noiseDir: string;
  readonly augmentation: AugmentationRanges;
  readonly writeParts: boolean;
  readonly overwrite: boolean;
}

const BLOCK = 'kws generate';
const KNOWN = ['out', 'words', 'wakeWord', 'seed', 'perVoice', 'recordedBoost', 'voices', 'engines', 'validation', 'test', 'unknownShare', 'silenceShare', 'jobs', 'noiseDir', 'augmentation', 'writeParts', 'overwrite', 'onProgress', 'now'];

/**
 * Checks the options and fills in the defaults; every problem is a ParameterError naming the option,
 * the value and what was expected.
 * @example
 * resolveKeywordOptions({ out: 'data', words: ['yes', 'no'] }).unknownShare; // 1
 */
export function resolveKeywordOptions(o: KeywordDatasetOptions): ResolvedKeywordOptions {
  rejectUnknownOptions(BLOCK, o, KNOWN);
  if (typeof o.out !== 'string' || o.out.trim() === '') throw new ParameterError(BLOCK, 'out', o.out, 'a folder path');
  if (o.words !== undefined && !Array.isArray(o.words)) throw new ParameterError(BLOCK, 'words', o.words, 'a list of words');
  const words = (o.words ?? []).map((w) => requirePhrase(BLOCK, 'words', w));
  const wakeWord = o.wakeWord === undefined ? null : requirePhrase(BLOCK, 'wakeWord', o.wakeWord);
  const targets = wakeWord === null ? words : [...words, wakeWord];
  if (targets.length === 0) throw new ParameterError(BLOCK, 'words', o.words ?? [], 'at least one word (or a wake word)');
  const duplicate = targets.find((t, i) => targets.indexOf(t) !== i);
  if (duplicate !== undefined) throw new ParameterError(BLOCK, 'words', duplicate, 'each word once');
  const engines = o.engines ?? ENGINES;
  if (!Array.isArray(engines) || engines.length === 0 || engines.some((e) => !(e in SYNTHESIZER_PACKAGES))) {
    throw new ParameterError(BLOCK, 'engines', o.engines, `one or more of ${ENGINES.join(', ')}`);
  }
  const voices = o.voices ?? 'all';
  if (!(voices === 'all' || (typeof voices === 'number' && Number.isInteger(voices) && voices >= 3) || (Array.isArray(voices) && voices.length >= 3 && voices.every((v) => typeof v === 'string')))) {
    throw new ParameterError(BLOCK, 'voices', voices, "'all', a number of voices >= 3, or a list of at least 3 voice ids such as espeak-ng:en-us+f3");
  }
  const validation = requireInRange(BLOCK, 'validation', o.validation ?? 0.1, 0, 0.45);
  const test = requireInRange(BLOCK, 'test', o.test ?? 0.1, 0, 0.45);
  const augmentation = { ...DEFAULT_AUGMENTATION, ...(o.augmentation ?? {}) };
  for (const key of ['snrDb', 'speed', 'peakDbfs', 'silencePeakDbfs', 'rt60', 'drrDb', 'lowHz', 'highHz'] as const) {
    const r = augmentation[key] as unknown;
    if (!Array.isArray(r) || r.length !== 2 || !r.every(Number.isFinite) || r[0] > r[1]) throw new ParameterError(BLOCK, `augmentation.${key}`, r, 'a range [low, high] of finite numbers, low <= high');
  }
  requireInRange(BLOCK, 'augmentation.speed', augmentation.speed[0], 0.5, 2);
  requireInRange(BLOCK, 'augmentation.speed', augmentation.speed[1], 0.5, 2);
  requireInRange(BLOCK, 'augmentation.peakDbfs', augmentation.peakDbfs[1], -120, 0);
  requireInRange(BLOCK, 'augmentation.rt60', augmentation.rt60[0], 0.01, 3);
  requireInRange(BLOCK, 'augmentation.lowHz', augmentation.lowHz[0], 1, augmentation.highHz[0]);
  requireInRange(BLOCK, 'augmentation.highHz', augmentation.highHz[1], augmentation.lowHz[1], 7900);
  for (const key of ['recordingShare', 'reverbShare', 'bandShare'] as const) requireInRange(BLOCK, `augmentation.${key}`, augmentation[key], 0, 1);
  return {
    out: o.out,
    words,
    wakeWord,
    targets,
    seed: requireInteger(BLOCK, 'seed', o.seed ?? 1, 0, 2 ** 32 - 1),
    perVoice: requireInteger(BLOCK, 'perVoice', o.perVoice ?? 1, 1, 1000),
    recordedBoost: requireInteger(BLOCK, 'recordedBoost', o.recordedBoost ?? 16, 1, 1000),
    voices,
    engines,
    validation,
    test,
    unknownShare: requireInRange(BLOCK, 'unknownShare', o.unknownShare ?? (targets.length === 1 ? 3 : 1), 0, 100),
    silenceShare: requireInRange(BLOCK, 'silenceShare', o.silenceShare ?? 1, 0, 100),
    jobs: requireInteger(BLOCK, 'jobs', o.jobs ?? 2, 1, 2),
    noiseDir: o.noiseDir ?? NOISE_DIR,
    augmentation,
    writeParts: o.writeParts ?? false,
    overwrite: o.overwrite ?? false,
  };
}
