import { ParameterError } from '@sensorkit/dsp';

/** The label of clips with no speech. */
export const SILENCE_LABEL = '_silence_';
/** The label of clips with speech that is none of the target words. */
export const UNKNOWN_LABEL = '_unknown_';

// Letters and apostrophes, words separated by single spaces: what every synthesizer reads the same way,
// and what can name a folder once spaces become '_'.
const PHRASE = /^[a-z]+(?:'[a-z]+)?(?: [a-z]+(?:'[a-z]+)?)*$/;

/**
 * A target word or phrase in the form the generator uses: lower case, single spaces. Throws a
 * ParameterError naming the text when it holds anything but letters, apostrophes and spaces.
 * @example
 * requirePhrase('kws', 'words', ' Hey  Kit'); // 'hey kit'
 */
export function requirePhrase(block: string, argument: string, text: unknown): string {
  const phrase = typeof text === 'string' ? text.trim().toLowerCase().replace(/\s+/g, ' ') : text;
  if (typeof phrase !== 'string' || !PHRASE.test(phrase) || phrase.length > 40) {
    throw new ParameterError(block, argument, text, "a word or phrase of English letters (a-z, an apostrophe inside a word, spaces between words), up to 40 characters");
  }
  return phrase;
}

/** The label of a target phrase: its words joined by '_' (`hey kit` -> `hey_kit`), a safe folder name. */
export function phraseLabel(phrase: string): string {
  return phrase.replace(/'/g, '').replace(/ /g, '_');
}

/*
 * Other English words for `_unknown_`. The list leaves out the usual command words and their close
 * rhymes (a `_unknown_` clip that sounds like "no" would teach the model to miss "no"); words that
 * collide with the chosen targets are dropped at run time by `unknownVocabulary`.
 */
const OTHER_WORDS = [
  'bed', 'bird', 'cat', 'dog', 'happy', 'house', 'marvin', 'sheila', 'tree', 'wow', 'zero', 'one', 'two',
  'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'forward', 'backward', 'follow', 'learn', 'visual',
  'apple', 'banana', 'window', 'table', 'music', 'water', 'morning', 'evening', 'yellow', 'purple', 'orange',
  'garden', 'pencil', 'river', 'mountain', 'station', 'kitchen', 'doctor', 'number', 'paper', 'people',
  'because', 'little', 'really', 'maybe', 'something', 'thank you', 'hello', 'please', 'water', 'coffee',
  'light', 'again', 'open', 'close', 'start', 'pause', 'play', 'next', 'back', 'north', 'south', 'east',
  'west', 'monday', 'friday', 'weather', 'phone', 'camera', 'silver', 'basket', 'chicken', 'picture',
  'seven days', 'good night', 'over there', 'what time', 'turn it', 'very good', 'not now', 'hurry',
];

/**
 * Words spoken as `_unknown_`: the built-in English list without the targets and their words, plus
 * near-misses of every multi-word target (see `nearMisses`), deduplicated and in a fixed order.
 * @example
 * unknownVocabulary(['yes', 'no']).includes('yes'); // false
 */
export function unknownVocabulary(targets: readonly string[]): string[] {
  const excluded = new Set<string>();
  for (const t of targets) {
    excluded.add(t);
    for (const w of t.split(' ')) excluded.add(w);
  }
  const words = OTHER_WORDS.filter((w) => !excluded.has(w) && !w.split(' ').some((part) => excluded.has(part)));
  for (const t of targets) if (t.includes(' ')) words.push(...nearMisses(t).filter((m) => !excluded.has(m)));
  return [...new Set(words)];
}

// Sounds a listener (or a model) could take for one another: a near-miss swaps one of them.
const ONSETS = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'w', 'ch', 'sh', 'st'];
const CODAS = ['d', 't', 'k', 'g', 'p', 'n', 'ck', 'ss', 'll', 'ng', 'te', 'de', 'ke'];
const VOWEL_SWAPS: Record<string, readonly string[]> = {
  a: ['e', 'i', 'ai', 'o'], e: ['a', 'i', 'ee'], i: ['a', 'e', 'ee', 'ai'], o: ['a', 'u', 'oa'], u: ['o', 'a', 'oo'],
  ey: ['i', 'ay', 'o', 'igh'], ay: ['ey', 'i', 'o'], ee: ['i', 'ay'], oo: ['o', 'u'],
};
const FIRST_WORD_SWAPS = ['okay', 'hi', 'say', 'play', 'a'];

/**
 * Phrases that sound close to a wake-word phrase but are not it: one word changed by one sound
 * (onset consonant, vowel or final consonant: "hey kit" -> "hey kid", "hey kate", "hey fit", "hi kit"),
 * the first word replaced ("okay kit"), and each word alone ("kit"). Pure and in a fixed order.
 * @example
 * nearMisses('hey kit').includes('hey kid'); // true
 */
export function nearMisses(phrase: string): string[] {
  const words = phrase.split(' ');
  const out: string[] = [];
  const add = (replacement: string, at: number): void => {
    const candidate = words.map((w, i) => (i === at ? replacement : w)).join(' ');
    if (candidate !== phrase && !out.includes(candidate)) out.push(candidate);
  };
  words.forEach((word, at) => {
    for (const variant of wordVariants(word)) add(variant, at);
  });
  for (const first of FIRST_WORD_SWAPS) if (words.length > 1) add(first, 0);
  if (words.length > 1) for (const w of words) if (!out.includes(w) && w.length > 1) out.push(w);
  return out;
}

function wordVariants(word: string): string[] {
  const m = /^([^aeiouy]*)([aeiouy]+)([^aeiouy]*)(e?)$/.exec(word);
  if (!m) return [];
  const [, onset = '', vowel = '', coda = ''] = m;
  const variants: string[] = [];
  for (const o of ONSETS) if (o !== onset) variants.push(`${o}${vowel}${coda}`);
  for (const v of VOWEL_SWAPS[vowel] ?? []) variants.push(`${onset}${v}${coda}`);
  if (coda !== '') for (const c of CODAS) if (c !== coda) variants.push(`${onset}${vowel}${c}`);
  // A silent final e lengthens a short vowel: "kit" -> "kite", "kate".
  if (coda !== '' && vowel.length === 1 && !word.endsWith('e')) for (const v of ['a', 'i', 'o']) variants.push(`${onset}${v}${coda}e`);
  return variants.filter((v) => v !== word && !OFFENSIVE.has(v));
}

// Sound swaps can land on slurs and profanity; nobody should find those in a shipped data set.
const OFFENSIVE = new Set(['shit', 'tit', 'kike', 'fag', 'cunt', 'dick', 'cock', 'nig', 'spic', 'slut', 'twat', 'fuck', 'piss', 'hell', 'damn', 'chink', 'gook', 'coon', 'dyke']);
