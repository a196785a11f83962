import { createRandom, ParameterError } from '@sensorkit/dsp';
import { derivedSeed, shuffled } from './seeds.js';
import type { Voice } from './voices.js';

export const SPLITS = ['train', 'validation', 'test'] as const;
export type Split = (typeof SPLITS)[number];

/**
 * Assigns every speaker (and so every voice) to one split. Speakers are shuffled with the seed inside
 * each family (espeak-ng variants; the recorded people behind flite and festival) and cut by the
 * fractions, so held-out voices come from both kinds of synthesizer; a family of 3 or more speakers
 * gives at least one to each split with a fraction above 0.
 * @example
 * const split = assignSplits(voices, { validation: 0.1, test: 0.1, seed: 1 });
 * split.get('espeak-ng:+f3'); // 'train' | 'validation' | 'test'
 */
export function assignSplits(voices: readonly Voice[], options: { validation: number; test: number; seed: number }): Map<string, Split> {
  const families = new Map<string, string[]>();
  for (const v of voices) {
    const family = v.engine === 'espeak-ng' ? 'espeak-ng' : 'recorded';
    const list = families.get(family) ?? [];
    if (!list.includes(v.speaker)) list.push(v.speaker);
    families.set(family, list);
  }
  const out = new Map<string, Split>();
  for (const [family, speakers] of families) {
    const order = shuffled([...speakers].sort(), createRandom(derivedSeed(options.seed, 'splits', family)));
    const count = (fraction: number): number => (fraction > 0 && order.length >= 3 ? Math.max(1, Math.round(fraction * order.length)) : Math.round(fraction * order.length));
    const test = count(options.test);
    const validation = Math.min(count(options.validation), order.length - test - 1);
    order.forEach((speaker, i) => out.set(speaker, i < test ? 'test' : i < test + validation ? 'validation' : 'train'));
  }
  const used = new Set(out.values());
  for (const split of SPLITS) {
    const fraction = split === 'train' ? 1 : options[split];
    if (fraction > 0 && !used.has(split)) {
      throw new ParameterError('kws generate', 'voices', voices.length, `voices of at least 3 speakers, so that train, validation and test each get one (found ${new Set(voices.map((v) => v.speaker)).size})`);
    }
  }
  return out;
}
