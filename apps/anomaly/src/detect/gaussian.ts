import { ParameterError, requireInRange } from '@sensorkit/dsp';
import type { Deviation } from '../contracts.js';
import { scoreEach, type Detector, type DetectorJSON } from './detector.js';
import { cholesky, covariance, forwardSolveNorm, ledoitWolfShrinkage, shrink } from './linalg.js';
import { requireRows, Standardizer } from './standardizer.js';

export interface GaussianOptions {
  /** shrinkage of the covariance towards mu * I: a number in [0, 1], or 'ledoit-wolf' (default) to estimate it */
  shrinkage?: number | 'ledoit-wolf';
}

interface GaussianState {
  standardizer: Standardizer;
  shrinkage: number;
  /** Cholesky factor of the shrunk covariance of the standardised features, row-major p x p */
  factor: Float64Array;
}

const BLOCK = 'gaussian';

/**
 * Gaussian novelty model of the normal feature vectors: standardised features, covariance shrunk
 * towards a multiple of the identity (Ledoit-Wolf by default), score = squared Mahalanobis distance
 * (about p, the feature count, for normal rows: squared so that health = score / threshold sits well
 * below the warning level on normal data).
 * @example
 * const detector = new GaussianDetector(plan.names);
 * await detector.fit(normalRows);
 * detector.score(row); // ~p for normal rows, far more for faults
 */
export class GaussianDetector implements Detector {
  readonly kind = 'gaussian' as const;
  private readonly shrinkageOption: number | 'ledoit-wolf';
  private state: GaussianState | undefined;
  private readonly z: Float64Array;
  private readonly y: Float64Array;

  constructor(
    readonly names: readonly string[],
    options: GaussianOptions = {},
  ) {
    const s = options.shrinkage ?? 'ledoit-wolf';
    this.shrinkageOption = s === 'ledoit-wolf' ? s : requireInRange(BLOCK, 'shrinkage', s, 0, 1, { hint: "or 'ledoit-wolf'" });
    this.z = new Float64Array(names.length);
    this.y = new Float64Array(names.length);
  }

  /** The shrinkage in use after fit (estimated or given). */
  get shrinkage(): number {
    return this.fitted().shrinkage;
  }

  async fit(rows: readonly Float64Array[]): Promise<void> {
    requireRows(BLOCK, this.names, rows, 2);
    const p = this.names.length;
    const standardizer = Standardizer.fit(this.names, rows);
    const centred = rows.map((row) => standardizer.transform(row));
    const cov = covariance(centred, p);
    let shrinkage = this.shrinkageOption === 'ledoit-wolf' ? ledoitWolfShrinkage(centred, cov, p) : this.shrinkageOption;
    // Nearly collinear features can leave the shrunk covariance singular in float64: shrink harder until it factors.
    for (;;) {
      try {
        const factor = cholesky(shrink(Float64Array.from(cov), p, shrinkage), p);
        this.state = { standardizer, shrinkage, factor };
        return;
      } catch (err) {
        if (shrinkage >= 1) throw err;
        shrinkage = Math.min(1, Math.max(1e-6, 2 * shrinkage));
      }
    }
  }

  score(row: Float64Array): number {
    const { standardizer, factor } = this.fitted();
    standardizer.transform(row, this.z);
    return forwardSolveNorm(factor, this.names.length, this.z, this.y);
  }

  scoreMany(rows: readonly Float64Array[]): Float64Array {
    return scoreEach(this, rows);
  }

  explain(row: Float64Array, count = 3): Deviation[] {
    return this.fitted().standardizer.deviations(row, count);
  }

  toJSON(): DetectorJSON {
    const { standardizer, shrinkage, factor } = this.fitted();
    return { kind: 'gaussian', standardizer: standardizer.toJSON(), params: { shrinkage, factor: Array.from(factor) } };
  }

  static fromJSON(json: DetectorJSON): GaussianDetector {
    const params = json.params as { shrinkage: number; factor: number[] };
    const standardizer = Standardizer.fromJSON(json.standardizer);
    const p = standardizer.names.length;
    if (!Array.isArray(params.factor) || params.factor.length !== p * p) {
      throw new ParameterError(BLOCK, 'params.factor', params.factor, `${p * p} numbers (a ${p} x ${p} Cholesky factor)`);
    }
    const detector = new GaussianDetector(standardizer.names, { shrinkage: params.shrinkage });
    detector.state = { standardizer, shrinkage: params.shrinkage, factor: Float64Array.from(params.factor) };
    return detector;
  }

  private fitted(): GaussianState {
    if (!this.state) throw new Error('gaussian: score or save before fit');
    return this.state;
  }
}
