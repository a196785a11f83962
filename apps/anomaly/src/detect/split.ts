import { requireInRange, requireInteger } from '@sensorkit/dsp';

/** Which windows of one recording train the detector and which calibrate its threshold. */
export interface WindowSplit {
  train: number[];
  heldOut: number[];
  /** training windows dropped because they overlap a held-out window */
  purged: number;
}

/**
 * Purged block split of one recording's windows (in time order): contiguous blocks, every
 * round(1 / holdout)-th block held out, and training windows that share samples with a held-out window
 * (within `overlap` windows of it) dropped. Overlapping neighbours are near-copies: leaving them in
 * would make held-out scores optimistic and the calibrated threshold too low.
 * @example
 * splitWindows(240, { holdout: 0.25, overlap: 1 }); // blocks of 8, every 4th held out
 */
export function splitWindows(count: number, options: { holdout: number; overlap: number }): WindowSplit {
  requireInteger('split', 'count', count, 0);
  const holdout = requireInRange('split', 'holdout', options.holdout, 0, 0.5, { minExclusive: true });
  const overlap = requireInteger('split', 'overlap', options.overlap, 0);
  const every = Math.max(2, Math.round(1 / holdout));
  const block = Math.min(Math.max(8, overlap + 1), Math.max(2 * (overlap + 1), Math.floor(count / 16)));
  const held = new Uint8Array(count);
  for (let i = 0; i < count; i++) held[i] = Math.floor(i / block) % every === every - 1 ? 1 : 0;
  // A recording too short for one held-out block still lends its last block.
  if (!held.includes(1) && count >= 2 * block) held.fill(1, count - block);
  const train: number[] = [];
  const heldOut: number[] = [];
  let purged = 0;
  for (let i = 0; i < count; i++) {
    if (held[i]) {
      heldOut.push(i);
      continue;
    }
    let near = false;
    for (let d = 1; d <= overlap && !near; d++) near = held[i - d] === 1 || held[i + d] === 1;
    if (near) purged++;
    else train.push(i);
  }
  return { train, heldOut, purged };
}
