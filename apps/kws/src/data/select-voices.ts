import { createRandom, ParameterError } from '@sensorkit/dsp';
import { derivedSeed, shuffled } from './seeds.js';
import type { Voice } from './voices.js';

/**
 * The voices a dataset uses, in `available` order: all of them, a seeded choice of `count` (one voice
 * of every speaker before a second voice of any, so small sets still hold many speakers), or the ids
 * named (an unknown id is a ParameterError listing a few that exist).
 * @example
 * selectVoices(voices, 12, 1).length; // 12
 */
export function selectVoices(available: readonly Voice[], choice: 'all' | number | readonly string[], seed: number): Voice[] {
  if (choice === 'all') return [...available];
  if (typeof choice !== 'number') {
    const byId = new Map(available.map((v) => [v.id, v]));
    const missing = choice.find((id) => !byId.has(id));
    if (missing !== undefined) {
      const examples = available.filter((_, i) => i % Math.max(1, Math.floor(available.length / 5)) === 0).slice(0, 5).map((v) => v.id);
      throw new ParameterError('kws generate', 'voices', missing, `an installed voice id, such as ${examples.join(', ')}`);
    }
    return available.filter((v) => choice.includes(v.id));
  }
  if (choice > available.length) throw new ParameterError('kws generate', 'voices', choice, `at most ${available.length}, the voices installed`);
  const order = shuffled(available, createRandom(derivedSeed(seed, 'voices')));
  // Rank: a speaker's first voice before anyone's second; among equals, engines take turns, so a small
  // set holds flite and festival voices too, not only espeak-ng's many.
  const perSpeaker = new Map<string, number>();
  const perEngine = new Map<string, number>();
  const ranked = order.map((v, i) => {
    const speakerRank = perSpeaker.get(v.speaker) ?? 0;
    perSpeaker.set(v.speaker, speakerRank + 1);
    const key = `${speakerRank}|${v.engine}`;
    const engineRank = perEngine.get(key) ?? 0;
    perEngine.set(key, engineRank + 1);
    return { v, key: [speakerRank, engineRank, i] as const };
  });
  ranked.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
  const chosen = new Set(ranked.slice(0, choice).map((r) => r.v));
  return available.filter((v) => chosen.has(v));
}
