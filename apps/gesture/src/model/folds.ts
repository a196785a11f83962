import { createRandom, ParameterError } from '@sensorkit/dsp';
import { seededPermutation } from '@sensorkit/ml';
import type { LabelledSegment } from '../data/load-gesture-data.js';

/**
 * Assigns each segment a fold in 0..k-1. When the segments carry person groups (a generated set), whole
 * persons go to a fold, so every fold tests on people the model never saw; otherwise folds are
 * stratified: each label's segments are dealt round-robin after a seeded shuffle, so every fold holds
 * every class in proportion.
 */
export function assignFolds(segments: readonly LabelledSegment[], k: number, seed: number): number[] {
  const random = createRandom(seed);
  const folds = new Array<number>(segments.length).fill(0);
  const persons = [...new Set(segments.map((s) => s.group))].filter((g) => g.startsWith('person '));
  if (persons.length === new Set(segments.map((s) => s.group)).size && persons.length >= k) {
    const order = seededPermutation(persons.length, random);
    const foldOf = new Map(Array.from(order, (p, i) => [persons[p]!, i % k]));
    segments.forEach((s, i) => (folds[i] = foldOf.get(s.group)!));
    return folds;
  }
  const labels = [...new Set(segments.map((s) => s.label))];
  let dealt = 0;
  for (const label of labels) {
    const members = segments.flatMap((s, i) => (s.label === label ? [i] : []));
    if (members.length < k) throw new ParameterError('gesture-eval', 'kfold', k, `at most ${members.length}: label "${label}" has only ${members.length} segments`);
    const order = seededPermutation(members.length, random);
    // Continue the deal where the last label stopped, so small classes do not all land in fold 0.
    order.forEach((m, i) => (folds[members[m]!] = (dealt + i) % k));
    dealt += members.length;
  }
  return folds;
}

/** Leave-one-file-out: one fold per file. */
export function foldsByFile(segments: readonly LabelledSegment[]): { folds: number[]; names: string[] } {
  const names = [...new Set(segments.map((s) => s.file))];
  if (names.length < 2) throw new ParameterError('gesture-eval', 'leave-one-file-out', names.length, 'at least 2 files');
  return { folds: segments.map((s) => names.indexOf(s.file)), names };
}
