import { describe, expect, it } from 'vitest';
import { cholesky, covariance, forwardSolveNorm, ledoitWolfShrinkage, shrink } from './linalg.js';

// Centred rows; the shrinkage below is scikit-learn's ledoit_wolf_shrinkage formula evaluated in numpy.
const ROWS = [
  [0.75, 1.5333333333333334, 0.5],
  [0.04999999999999993, -1.4666666666666666, 2.0],
  [-0.95, -0.0666666666666666, -1.5],
  [1.9500000000000002, 0.6333333333333335, 0.1],
  [-1.65, -1.0666666666666667, 0.9],
  [-0.15000000000000005, 0.4333333333333334, -2.0],
].map((r) => Float64Array.from(r));
const NUMPY_SHRINKAGE = 0.8509916938154329;

describe('linear algebra of the Gaussian detector', () => {
  it('Ledoit-Wolf shrinkage equals the scikit-learn estimate', () => {
    const cov = covariance(ROWS, 3);
    expect(ledoitWolfShrinkage(ROWS, cov, 3)).toBeCloseTo(NUMPY_SHRINKAGE, 12);
  });

  it('shrinking keeps the trace and pulls off-diagonal terms towards 0', () => {
    const cov = covariance(ROWS, 3);
    const trace = cov[0]! + cov[4]! + cov[8]!;
    const shrunk = shrink(Float64Array.from(cov), 3, 0.25);
    expect(shrunk[0]! + shrunk[4]! + shrunk[8]!).toBeCloseTo(trace, 12);
    expect(shrunk[1]).toBeCloseTo(0.75 * cov[1]!, 12);
  });

  it('Cholesky reproduces A = L L^T and the solve gives b^T A^-1 b', () => {
    const a = Float64Array.from([4, 2, 0.6, 2, 5, 1, 0.6, 1, 3]);
    const l = cholesky(a, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += l[i * 3 + k]! * l[j * 3 + k]!;
        expect(s).toBeCloseTo(a[i * 3 + j]!, 12);
      }
    }
    expect(l[1]).toBe(0);
    // A^-1 by the adjugate: b^T A^-1 b for b = (1, -2, 0.5).
    const b = [1, -2, 0.5];
    const [a00, a01, a02, , a11, a12, , , a22] = Array.from(a) as number[];
    const det = a00! * (a11! * a22! - a12! * a12!) - a01! * (a01! * a22! - a12! * a02!) + a02! * (a01! * a12! - a11! * a02!);
    const inv = [
      [a11! * a22! - a12! * a12!, a02! * a12! - a01! * a22!, a01! * a12! - a02! * a11!],
      [a02! * a12! - a01! * a22!, a00! * a22! - a02! * a02!, a01! * a02! - a00! * a12!],
      [a01! * a12! - a02! * a11!, a01! * a02! - a00! * a12!, a00! * a11! - a01! * a01!],
    ].map((r) => r.map((v) => v / det));
    let quad = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) quad += b[i]! * inv[i]![j]! * b[j]!;
    expect(forwardSolveNorm(l, 3, Float64Array.from(b), new Float64Array(3))).toBeCloseTo(quad, 12);
  });

  it('refuses a matrix that is not positive definite, naming the pivot', () => {
    expect(() => cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/pivot 1/);
  });
});
