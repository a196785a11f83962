/*
 * The little dense linear algebra the Gaussian detector needs, on row-major p x p Float64Arrays:
 * covariance with Ledoit-Wolf shrinkage, Cholesky factorisation, triangular solve.
 */

/** Sample covariance (divided by n, as the Ledoit-Wolf estimator uses) of rows already centred. */
export function covariance(rows: readonly Float64Array[], p: number): Float64Array {
  const cov = new Float64Array(p * p);
  for (const x of rows) {
    for (let i = 0; i < p; i++) {
      const xi = x[i]!;
      for (let j = i; j < p; j++) cov[i * p + j] += xi * x[j]!;
    }
  }
  const n = rows.length;
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      cov[i * p + j] /= n;
      cov[j * p + i] = cov[i * p + j]!;
    }
  }
  return cov;
}

/**
 * Ledoit-Wolf (2004) shrinkage intensity towards mu * I, mu = trace(S) / p, for centred rows and their
 * covariance S (divided by n); the same estimate as scikit-learn's `ledoit_wolf_shrinkage`. In [0, 1].
 */
export function ledoitWolfShrinkage(rows: readonly Float64Array[], cov: Float64Array, p: number): number {
  const n = rows.length;
  let mu = 0;
  for (let i = 0; i < p; i++) mu += cov[i * p + i]!;
  mu /= p;
  // delta: squared distance of S from mu * I; beta: variance of the entries of x x^T around S.
  let delta = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      const d = cov[i * p + j]! - (i === j ? mu : 0);
      delta += d * d;
    }
  }
  let beta = 0;
  for (const x of rows) {
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        const d = x[i]! * x[j]! - cov[i * p + j]!;
        beta += d * d;
      }
    }
  }
  beta /= n * n;
  if (delta === 0) return beta === 0 ? 0 : 1;
  return Math.min(1, beta / delta);
}

/** (1 - shrinkage) * S + shrinkage * mu * I, in place. */
export function shrink(cov: Float64Array, p: number, shrinkage: number): Float64Array {
  let mu = 0;
  for (let i = 0; i < p; i++) mu += cov[i * p + i]!;
  mu /= p;
  for (let k = 0; k < p * p; k++) cov[k] *= 1 - shrinkage;
  for (let i = 0; i < p; i++) cov[i * p + i] += shrinkage * mu;
  return cov;
}

/**
 * Lower-triangular L with L L^T = A for a symmetric positive definite A; throws when A is not (a
 * pivot <= 0), naming the pivot.
 */
export function cholesky(a: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j]!;
    for (let k = 0; k < j; k++) d -= l[j * p + k]! * l[j * p + k]!;
    if (!(d > 0)) throw new RangeError(`cholesky: matrix is not positive definite (pivot ${j} = ${d})`);
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= l[i * p + k]! * l[j * p + k]!;
      l[i * p + j] = s / ljj;
    }
  }
  return l;
}

/** Solves L y = b (forward substitution) into `out`; returns |y|², the quadratic form b^T A^-1 b. */
export function forwardSolveNorm(l: Float64Array, p: number, b: Float64Array, out: Float64Array): number {
  let norm = 0;
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * out[k]!;
    const y = s / l[i * p + i]!;
    out[i] = y;
    norm += y * y;
  }
  return norm;
}
