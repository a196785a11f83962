import { InputError } from '@sensorkit/dsp';

/** Scores and labels must pair up, be finite, and include both classes for any ROC quantity. */
export function checkScored(block: string, scores: ArrayLike<number>, positives: ArrayLike<boolean>): { p: number; n: number } {
  if (scores.length !== positives.length) {
    throw new InputError(block, `${scores.length} scores but ${positives.length} labels; expected one label per score`);
  }
  let p = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) throw new InputError(block, `score ${i} is ${scores[i]}; expected a finite number`);
    if (positives[i]) p++;
  }
  const n = scores.length - p;
  if (p === 0 || n === 0) {
    throw new InputError(block, `${p} positives and ${n} negatives; expected at least one of each`);
  }
  return { p, n };
}
