import { createRandom } from '@sensorkit/dsp';
import { rocAuc } from '@sensorkit/ml';
import type { Detector } from './detector.js';

/** How one candidate detector did on held-out normal windows. */
export interface SelectionEntry {
  kind: Detector['kind'];
  /** AUC of held-out normal windows against the same windows with one feature pushed `shift` sd off normal */
  deviationAuc: number;
  /** (99th percentile - median) / median of the held-out normal scores: how tight normal is (lower = tighter) */
  spread: number;
}

/** The size of the synthetic deviations, in standard deviations of the normal data. */
export const DEVIATION_SHIFT = 3;

/**
 * Sensitivity to deviations from normal, measured on normal data alone: each held-out normal window is
 * copied with one randomly chosen feature moved DEVIATION_SHIFT normal standard deviations up or down
 * (seeded), and the AUC of the copies against the originals says how well the detector notices. Every
 * candidate sees the same copies.
 */
export function deviationAuc(detector: Detector, heldOut: readonly Float64Array[], std: Float64Array, seed: number): number {
  const random = createRandom(seed);
  const shifted = heldOut.map((row) => {
    const copy = Float64Array.from(row);
    const j = Math.floor(random.uniform() * row.length);
    copy[j] += (random.uniform() < 0.5 ? -1 : 1) * DEVIATION_SHIFT * std[j]!;
    return copy;
  });
  const normal = detector.scoreMany(heldOut);
  const moved = detector.scoreMany(shifted);
  const scores = [...normal, ...moved];
  const positives = scores.map((_, i) => i >= normal.length);
  return rocAuc(scores, positives);
}

/** Spread of held-out normal scores relative to their median. */
export function scoreSpread(scores: Float64Array): number {
  const sorted = Float64Array.from(scores).sort();
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const median = at(0.5);
  return median > 0 ? (at(0.99) - median) / median : Number.POSITIVE_INFINITY;
}

/**
 * The `auto` rule: the highest deviation AUC wins; a candidate within 0.005 of the best that comes
 * earlier (simpler: gaussian, kmeans, autoencoder, in the order given) wins over it. Spreads are
 * reported, not compared: distances and squared errors spread on different scales.
 */
export function selectDetector(entries: readonly SelectionEntry[]): SelectionEntry {
  const best = Math.max(...entries.map((e) => e.deviationAuc));
  return entries.find((e) => e.deviationAuc >= best - 0.005)!;
}
