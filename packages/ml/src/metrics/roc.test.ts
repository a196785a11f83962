import { describe, expect, it } from 'vitest';
import { createRandom, InputError, ParameterError } from '@sensorkit/dsp';
import { partialAuc, rocAuc, rocCurve } from './roc.js';

// The scikit-learn documentation's example: AUC 0.75.
const SCORES = [0.1, 0.4, 0.35, 0.8];
const LABELS = [false, false, true, true];

/** AUC by definition: the fraction of (positive, negative) pairs ordered right, ties counting 1/2. */
function pairwiseAuc(scores: number[], positives: boolean[]): number {
  let sum = 0;
  let pairs = 0;
  scores.forEach((s, i) => {
    if (!positives[i]) return;
    scores.forEach((t, j) => {
      if (positives[j]) return;
      sum += s > t ? 1 : s === t ? 0.5 : 0;
      pairs++;
    });
  });
  return sum / pairs;
}

/** ROC points by counting at every distinct score, highest first, from (0, 0). */
function bruteRocPoints(scores: number[], positives: boolean[]): number[][] {
  const p = positives.filter(Boolean).length;
  const n = positives.length - p;
  const points = [[0, 0]];
  for (const t of [...new Set(scores)].sort((a, b) => b - a)) {
    points.push([scores.filter((s, i) => s >= t && !positives[i]).length / n, scores.filter((s, i) => s >= t && positives[i]).length / p]);
  }
  return points;
}

/** TPR at a given FPR on the points joined by straight lines. */
function tprAt(points: number[][], fpr: number): number {
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1];
    const [x1, y1] = points[i];
    if (fpr <= x1 && x1 > x0) return y0 + ((y1 - y0) * (fpr - x0)) / (x1 - x0);
  }
  return 1;
}

function randomCase(seed: number): { scores: number[]; positives: boolean[] } {
  const random = createRandom(seed);
  const size = 5 + Math.floor(random.uniform() * 60);
  const positives = Array.from({ length: size }, (_, i) => (i < 2 ? i === 0 : random.uniform() < 0.4));
  // Rounded to a coarse grid so many scores tie, positives shifted up a little.
  const scores = positives.map((pos) => Math.round((random.gaussian() + (pos ? 0.8 : 0)) * 4) / 4);
  return { scores, positives };
}

describe('rocAuc', () => {
  it('matches hand-computed cases', () => {
    expect(rocAuc(SCORES, LABELS)).toBe(0.75);
    expect(rocAuc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(rocAuc([4, 3, 2, 1], [false, false, true, true])).toBe(0);
    expect(rocAuc([5, 5, 5, 5], [false, true, false, true])).toBe(0.5);
    // One tie between a positive and a negative out of 2 x 2 pairs: (3 + 0.5) / 4.
    expect(rocAuc(new Float32Array([1, 2, 2, 3]), [false, false, true, true])).toBe(0.875);
  });

  it('equals the pairwise (Mann-Whitney) definition on 200 random cases with ties', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { scores, positives } = randomCase(seed);
      expect(rocAuc(scores, positives)).toBeCloseTo(pairwiseAuc(scores, positives), 12);
    }
  });

  it('refuses mismatched lengths, non-finite scores and a missing class, saying what is wrong', () => {
    expect(() => rocAuc([1, 2], [true])).toThrow(/rocAuc: 2 scores but 1 labels/);
    expect(() => rocAuc([1, Number.NaN], [true, false])).toThrow(/score 1 is NaN/);
    expect(() => rocAuc([1, 2], [true, true])).toThrow(InputError);
    expect(() => rocAuc([1, 2], [true, true])).toThrow(/2 positives and 0 negatives/);
  });
});

describe('rocCurve', () => {
  it('matches the hand-computed curve, one point per distinct score from (0, 0)', () => {
    const curve = rocCurve(SCORES, LABELS);
    expect(curve).toEqual({
      fpr: [0, 0, 0.5, 0.5, 1],
      tpr: [0, 0.5, 0.5, 1, 1],
      thresholds: [1.8, 0.8, 0.4, 0.35, 0.1],
      positives: 2,
      negatives: 2,
    });
    expect(JSON.parse(JSON.stringify(curve))).toEqual(curve);
  });

  it('moves both rates at once on tied scores, and its trapezoid area is the AUC', () => {
    expect(rocCurve([1, 2, 2, 3], [false, false, true, true])).toMatchObject({ fpr: [0, 0, 0.5, 1], tpr: [0, 0.5, 1, 1] });
    for (let seed = 1; seed <= 50; seed++) {
      const { scores, positives } = randomCase(seed);
      const { fpr, tpr } = rocCurve(scores, positives);
      let area = 0;
      for (let i = 1; i < fpr.length; i++) area += ((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1])) / 2;
      expect(area).toBeCloseTo(pairwiseAuc(scores, positives), 12);
    }
  });
});

describe('partialAuc', () => {
  it('matches the hand-computed example: area 0.25 up to FPR 0.5', () => {
    const result = partialAuc(SCORES, LABELS, 0.5);
    expect(result.area).toBeCloseTo(0.25, 15);
    expect(result.normalized).toBeCloseTo(0.5, 15);
    expect(result.value).toBe(result.normalized);
    expect(result.standard).toBe('normalized');
    // McClish: 0.5 * (1 + (0.25 - 0.125) / (0.5 - 0.125)) = 2/3, what sklearn's roc_auc_score(max_fpr=0.5) gives.
    expect(result.mcclish).toBeCloseTo(2 / 3, 15);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('gives the chance and perfect values: maxFpr/2 and 1 normalised, 0.5 and 1 McClish', () => {
    const chance = partialAuc([1, 1, 1, 1], [true, false, true, false], 0.1);
    expect(chance.normalized).toBeCloseTo(0.05, 15);
    expect(chance.mcclish).toBeCloseTo(0.5, 15);
    const perfect = partialAuc([0, 1, 2, 3], [false, false, true, true], 0.1);
    expect(perfect.normalized).toBe(1);
    expect(perfect.mcclish).toBeCloseTo(1, 15);
  });

  it('equals the full AUC at maxFpr = 1 (both standardisations)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { scores, positives } = randomCase(seed);
      const auc = rocAuc(scores, positives);
      const full = partialAuc(scores, positives, 1);
      expect(full.normalized).toBeCloseTo(auc, 12);
      expect(full.mcclish).toBeCloseTo(auc, 12);
    }
  });

  it('agrees with numerical integration of the brute-force ROC curve at FPR 0.1 and 0.3', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { scores, positives } = randomCase(seed);
      const points = bruteRocPoints(scores, positives);
      for (const maxFpr of [0.1, 0.3]) {
        // Midpoint rule on 2000 slices: the curve is piecewise linear, so the error is far below 1e-4.
        let integral = 0;
        for (let k = 0; k < 2000; k++) integral += tprAt(points, ((k + 0.5) / 2000) * maxFpr) * (maxFpr / 2000);
        expect(Math.abs(partialAuc(scores, positives, maxFpr).area - integral)).toBeLessThan(1e-4);
      }
    }
  });

  it('refuses maxFpr outside (0, 1]', () => {
    expect(() => partialAuc(SCORES, LABELS, 0)).toThrow(ParameterError);
    expect(() => partialAuc(SCORES, LABELS, 1.5)).toThrow(/maxFpr = 1.5; expected a number in \(0, 1\]/);
  });
});
