import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom, ParameterError } from '@sensorkit/dsp';
import { rocAuc } from '@sensorkit/ml';
import type { Detector } from './detector.js';
import { createDetector, detectorFromJSON } from './detector-factory.js';
import { GaussianDetector } from './gaussian.js';
import { KMeansDetector } from './kmeans.js';
import { detectorData, testPlan } from './testing/feature-data.js';
import { Standardizer } from './standardizer.js';

const plan = testPlan();
let data: ReturnType<typeof detectorData>;
const trained: Partial<Record<Detector['kind'], Detector>> = {};

function auc(normal: Float64Array, abnormal: Float64Array): number {
  const scores = [...normal, ...abnormal];
  return rocAuc(scores, scores.map((_, i) => i >= normal.length));
}

beforeAll(async () => {
  data = detectorData(plan);
  const rows = data.train.flat().map((r) => r.values);
  for (const kind of ['gaussian', 'kmeans', 'autoencoder'] as const) {
    const detector = createDetector(kind, plan.names, { autoencoder: { epochs: 40, seed: 3 } });
    await detector.fit(rows);
    trained[kind] = detector;
  }
});

describe.each(['gaussian', 'kmeans', 'autoencoder'] as const)('%s detector', (kind) => {
  it('separates held-out faults from fresh normal runs (AUC > 0.95 each)', () => {
    const detector = trained[kind]!;
    const normal = detector.scoreMany(data.fresh);
    const outer = auc(normal, detector.scoreMany(data.outer));
    const imbalance = auc(normal, detector.scoreMany(data.imbalance));
    expect(outer, `outer-race AUC ${outer}`).toBeGreaterThan(0.95);
    expect(imbalance, `imbalance AUC ${imbalance}`).toBeGreaterThan(0.95);
  });

  it('explain() names the feature that was pushed off normal', () => {
    const detector = trained[kind]!;
    const std = Standardizer.fit(plan.names, data.train.flat().map((r) => r.values)).std;
    for (const name of ['env.bpfi', 'kurtosis', plan.names[12]!]) {
      const j = plan.names.indexOf(name);
      const row = Float64Array.from(data.fresh[5]!);
      row[j] += 10 * std[j]!;
      const [top] = detector.explain(row);
      expect(top!.feature).toBe(name);
      expect(top!.z).toBeGreaterThan(6);
      expect(detector.score(row)).toBeGreaterThan(detector.score(data.fresh[5]!));
    }
  });

  it('scores one row as scoreMany does', () => {
    const detector = trained[kind]!;
    const many = detector.scoreMany(data.outer.slice(0, 4));
    data.outer.slice(0, 4).forEach((row, i) => expect(detector.score(row)).toBeCloseTo(many[i]!, 6));
  });
});

describe('detector parameters', () => {
  it('Gaussian and k-means JSON round trips score identically', () => {
    for (const kind of ['gaussian', 'kmeans'] as const) {
      const detector = trained[kind]!;
      const copy = detectorFromJSON(JSON.parse(JSON.stringify(detector.toJSON())));
      expect(Array.from(copy.scoreMany(data.outer))).toEqual(Array.from(detector.scoreMany(data.outer)));
    }
  });

  it('the Gaussian score is the squared Mahalanobis distance of the standardised row (no shrinkage, checked by hand in 2-D)', async () => {
    const random = createRandom(4);
    const rows = Array.from({ length: 400 }, () => {
      const a = random.gaussian();
      return Float64Array.of(3 + 2 * a, -1 + 0.5 * (0.8 * a + 0.6 * random.gaussian()));
    });
    const detector = new GaussianDetector(['a', 'b'], { shrinkage: 0 });
    await detector.fit(rows);
    const s = Standardizer.fit(['a', 'b'], rows);
    const z = rows.map((r) => s.transform(r));
    const r = z.reduce((acc, v) => acc + v[0]! * v[1]!, 0) / z.length;
    const x = Float64Array.of(5, 0.2);
    const [za, zb] = s.transform(x);
    const expected = (za! * za! - 2 * r * za! * zb! + zb! * zb!) / (1 - r * r);
    expect(detector.score(x)).toBeCloseTo(expected, 10);
    expect(detector.shrinkage).toBe(0);
  });

  it('Ledoit-Wolf shrinkage is estimated in [0, 1] and grows when there are few windows per feature', async () => {
    const rows = data.train.flat().map((r) => r.values);
    const many = new GaussianDetector(plan.names);
    await many.fit(rows);
    const few = new GaussianDetector(plan.names);
    await few.fit(rows.slice(0, 50));
    expect(many.shrinkage).toBeGreaterThan(0);
    expect(few.shrinkage).toBeGreaterThan(many.shrinkage);
    expect(few.shrinkage).toBeLessThanOrEqual(1);
  });

  it('k-means++ with a seed repeats, and finds well-separated clusters', async () => {
    const random = createRandom(5);
    const centres = [[0, 0], [10, 0], [0, 10]];
    const rows = Array.from({ length: 300 }, (_, i) => Float64Array.from(centres[i % 3]!.map((c) => c + 0.3 * random.gaussian())));
    const a = new KMeansDetector(['x', 'y'], { k: 3, seed: 7 });
    const b = new KMeansDetector(['x', 'y'], { k: 3, seed: 7 });
    await a.fit(rows);
    await b.fit(rows);
    expect(a.clusterCentres.map((c) => Array.from(c))).toEqual(b.clusterCentres.map((c) => Array.from(c)));
    // Each true centre has a fitted centroid within 0.1 (standardised units) of it.
    const s = Standardizer.fit(['x', 'y'], rows);
    for (const c of centres) {
      const zc = s.transform(Float64Array.from(c));
      const nearest = Math.min(...a.clusterCentres.map((k) => Math.hypot(k[0]! - zc[0]!, k[1]! - zc[1]!)));
      expect(nearest).toBeLessThan(0.1);
    }
  });

  it('refuses bad options by name', () => {
    expect(() => new GaussianDetector(['a'], { shrinkage: 2 })).toThrow(ParameterError);
    expect(() => new KMeansDetector(['a'], { k: 0 })).toThrow(/k = 0/);
    expect(() => createDetector('svm' as 'gaussian', ['a'])).toThrow(/kind/);
  });
});
