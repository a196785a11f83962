import { createRandom, ParameterError, requireInteger, type Random } from '@sensorkit/dsp';
import type { Deviation } from '../contracts.js';
import { scoreEach, type Detector, type DetectorJSON } from './detector.js';
import { requireRows, Standardizer } from './standardizer.js';

export interface KMeansOptions {
  /** clusters; default 8, and never more than a quarter of the training windows */
  k?: number;
  /** Lloyd iterations at most; default 100 */
  iterations?: number;
  /** seed of the k-means++ initialisation; default 1 */
  seed?: number;
}

const BLOCK = 'kmeans';

/**
 * k-means novelty model (as Edge Impulse's anomaly block): clusters of the standardised normal feature
 * vectors, k-means++ initialisation from a seeded random source, Lloyd iterations; score = squared
 * Euclidean distance to the nearest centroid in standardised units (squared, like the Gaussian score).
 * @example
 * const detector = new KMeansDetector(plan.names, { k: 8, seed: 1 });
 * await detector.fit(normalRows);
 * detector.score(row);
 */
export class KMeansDetector implements Detector {
  readonly kind = 'kmeans' as const;
  private readonly k: number;
  private readonly iterations: number;
  private readonly seed: number;
  private standardizer: Standardizer | undefined;
  private centroids: Float64Array[] = [];
  private readonly z: Float64Array;

  constructor(
    readonly names: readonly string[],
    options: KMeansOptions = {},
  ) {
    this.k = requireInteger(BLOCK, 'k', options.k ?? 8, 1, 4096);
    this.iterations = requireInteger(BLOCK, 'iterations', options.iterations ?? 100, 1, 100000);
    this.seed = requireInteger(BLOCK, 'seed', options.seed ?? 1, 0, 2 ** 32 - 1);
    this.z = new Float64Array(names.length);
  }

  /** The fitted centroids, in standardised units. */
  get clusterCentres(): readonly Float64Array[] {
    return this.centroids;
  }

  async fit(rows: readonly Float64Array[]): Promise<void> {
    requireRows(BLOCK, this.names, rows, 2);
    const standardizer = Standardizer.fit(this.names, rows);
    const points = rows.map((row) => standardizer.transform(row));
    const k = Math.max(1, Math.min(this.k, Math.floor(points.length / 4)));
    const random = createRandom(this.seed);
    const centroids = kMeansPlusPlus(points, k, random);
    lloyd(points, centroids, this.iterations);
    this.standardizer = standardizer;
    this.centroids = centroids;
  }

  score(row: Float64Array): number {
    if (!this.standardizer) throw new Error('kmeans: score or save before fit');
    this.standardizer.transform(row, this.z);
    return nearest(this.centroids, this.z).distance2;
  }

  scoreMany(rows: readonly Float64Array[]): Float64Array {
    return scoreEach(this, rows);
  }

  explain(row: Float64Array, count = 3): Deviation[] {
    if (!this.standardizer) throw new Error('kmeans: explain before fit');
    return this.standardizer.deviations(row, count);
  }

  toJSON(): DetectorJSON {
    if (!this.standardizer) throw new Error('kmeans: save before fit');
    return {
      kind: 'kmeans',
      standardizer: this.standardizer.toJSON(),
      params: { k: this.centroids.length, seed: this.seed, iterations: this.iterations, centroids: this.centroids.map((c) => Array.from(c)) },
    };
  }

  static fromJSON(json: DetectorJSON): KMeansDetector {
    const params = json.params as { k: number; seed: number; iterations: number; centroids: number[][] };
    const standardizer = Standardizer.fromJSON(json.standardizer);
    const p = standardizer.names.length;
    if (!Array.isArray(params.centroids) || params.centroids.length === 0 || params.centroids.some((c) => c.length !== p)) {
      throw new ParameterError(BLOCK, 'params.centroids', params.centroids, `a non-empty list of centroids of ${p} numbers`);
    }
    const detector = new KMeansDetector(standardizer.names, { k: params.centroids.length, seed: params.seed, iterations: params.iterations });
    detector.standardizer = standardizer;
    detector.centroids = params.centroids.map((c) => Float64Array.from(c));
    return detector;
  }
}

function distance2(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) {
    const d = a[j]! - b[j]!;
    s += d * d;
  }
  return s;
}

function nearest(centroids: readonly Float64Array[], point: Float64Array): { index: number; distance2: number } {
  let index = 0;
  let best = Infinity;
  centroids.forEach((c, i) => {
    const d = distance2(c, point);
    if (d < best) {
      best = d;
      index = i;
    }
  });
  return { index, distance2: best };
}

/** k-means++ (Arthur and Vassilvitskii 2007): each new centre drawn with probability proportional to D². */
function kMeansPlusPlus(points: readonly Float64Array[], k: number, random: Random): Float64Array[] {
  const centroids = [Float64Array.from(points[Math.floor(random.uniform() * points.length)]!)];
  const d2 = points.map((p) => distance2(p, centroids[0]!));
  while (centroids.length < k) {
    const total = d2.reduce((a, b) => a + b, 0);
    let pick = 0;
    if (total > 0) {
      let target = random.uniform() * total;
      while (pick < points.length - 1 && target >= d2[pick]!) target -= d2[pick++]!;
    } else {
      pick = Math.floor(random.uniform() * points.length);
    }
    const centre = Float64Array.from(points[pick]!);
    centroids.push(centre);
    points.forEach((p, i) => (d2[i] = Math.min(d2[i]!, distance2(p, centre))));
  }
  return centroids;
}

/** Lloyd iterations in place until no point changes cluster; an emptied cluster restarts at the farthest point. */
function lloyd(points: readonly Float64Array[], centroids: Float64Array[], iterations: number): void {
  const p = points[0]!.length;
  const assignment = new Int32Array(points.length).fill(-1);
  for (let iter = 0; iter < iterations; iter++) {
    let changed = 0;
    points.forEach((point, i) => {
      const { index } = nearest(centroids, point);
      if (assignment[i] !== index) changed++;
      assignment[i] = index;
    });
    if (changed === 0) return;
    const sums = centroids.map(() => new Float64Array(p));
    const counts = new Int32Array(centroids.length);
    points.forEach((point, i) => {
      const c = assignment[i]!;
      counts[c]++;
      for (let j = 0; j < p; j++) sums[c]![j] += point[j]!;
    });
    centroids.forEach((centre, c) => {
      if (counts[c]! > 0) {
        for (let j = 0; j < p; j++) centre[j] = sums[c]![j]! / counts[c]!;
        return;
      }
      let far = 0;
      let farD = -1;
      points.forEach((point, i) => {
        const d = distance2(point, centroids[assignment[i]!]!);
        if (d > farD) {
          farD = d;
          far = i;
        }
      });
      centre.set(points[far]!);
      assignment[far] = c;
    });
  }
}
