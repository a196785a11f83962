import { realFinal4Power, realFinal4Spectrum, realFinal4Spectrum64 } from './codelets.gen.js';
import { ComplexCore, doubles, firstPassSplit, forwardPacked, runPasses } from './complex-core.js';

/*
 * Real FFT of N = 2M samples as an M-point complex FFT of z[n] = x[2n] + i x[2n+1] followed by the
 * split X[k] = E[k] - i W^k O[k], W = exp(-2 pi i / N), where E = (Z[k] + conj Z[M-k]) / 2 and
 * O = (Z[k] - conj Z[M-k]) / 2 are the spectra of the even and odd samples. Bins k and M - k come
 * from the same pair Z[k], Z[M-k], so the split runs over pairs.
 */

/** Tables and scratch of a real FFT of `size` samples (a power of two, 2..65536). */
export class RealCore {
  readonly size: number;
  /** the size/2-point complex engine */
  readonly half: ComplexCore;
  /** cos(2 pi k / size) / 2, sin(2 pi k / size) / 2 interleaved, k = 0..size/4 */
  readonly split: number[];

  constructor(size: number) {
    this.size = size;
    this.half = new ComplexCore(size / 2);
    this.split = doubles(2 * (Math.floor(size / 4) + 1));
    for (let k = 0; 4 * k <= size; k++) {
      this.split[2 * k] = 0.5 * Math.cos((2 * Math.PI * k) / size);
      this.split[2 * k + 1] = 0.5 * Math.sin((2 * Math.PI * k) / size);
    }
  }
}

/**
 * out[2k], out[2k+1] = Re, Im X[k], k = 0..size/2. A Float64Array `out` keeps the engine's double
 * precision (the envelope path: Hilbert transform, envelope spectrum); a float64 `x` is read as such.
 */
export function realSpectrum(core: RealCore, x: Float32Array | Float64Array, out: Float32Array | Float64Array): void {
  const h = core.half;
  const last = h.quarters.length - 1;
  if (last < 0) {
    forwardPacked(h, x, 0);
    splitSpectrum(h.re, h.im, core.split, h.size, out);
    return;
  }
  forwardPacked(h, x, last);
  if (out instanceof Float64Array) realFinal4Spectrum64(h.re, h.im, h.twiddles, h.bases[last]!, h.quarters[last]!, core.split, out);
  else realFinal4Spectrum(h.re, h.im, h.twiddles, h.bases[last]!, h.quarters[last]!, core.split, out);
}

/** out[k] = |X[k]|^2, k = 0..size/2. */
export function realPower(core: RealCore, x: Float32Array | Float64Array, out: Float32Array): void {
  const h = core.half;
  const last = h.quarters.length - 1;
  if (last < 0) {
    forwardPacked(h, x, 0);
    splitPower(h.re, h.im, core.split, h.size, out);
    return;
  }
  forwardPacked(h, x, last);
  realFinal4Power(h.re, h.im, h.twiddles, h.bases[last]!, h.quarters[last]!, core.split, out);
}

// The two splits below serve transforms too small for a radix-4 pass (size <= 32), where the split
// cannot be fused into one; realFinal4* in codelets.gen.ts is the same arithmetic.

function splitSpectrum(re: number[], im: number[], tw: number[], m: number, out: Float32Array | Float64Array): void {
  out[0] = re[0]! + im[0]!;
  out[1] = 0;
  out[2 * m] = re[0]! - im[0]!;
  out[2 * m + 1] = 0;
  if (m < 2) return;
  const h = m >> 1;
  out[2 * h] = re[h]!;
  out[2 * h + 1] = -im[h]!;
  for (let k = 1, j = m - 1; k < j; k++, j--) {
    const ar = re[k]!, ai = im[k]!, br = re[j]!, bi = im[j]!;
    const c = tw[2 * k]!, s = tw[2 * k + 1]!;
    const er = 0.5 * (ar + br), ei = 0.5 * (ai - bi);
    const or = ar - br, oi = ai + bi;
    const pr = c * or + s * oi, pi = c * oi - s * or;
    out[2 * k] = er + pi;
    out[2 * k + 1] = ei - pr;
    out[2 * j] = er - pi;
    out[2 * j + 1] = -(ei + pr);
  }
}

function splitPower(re: number[], im: number[], tw: number[], m: number, out: Float32Array): void {
  const dc = re[0]! + im[0]!, nyquist = re[0]! - im[0]!;
  out[0] = dc * dc;
  out[m] = nyquist * nyquist;
  if (m < 2) return;
  const h = m >> 1;
  out[h] = re[h]! * re[h]! + im[h]! * im[h]!;
  for (let k = 1, j = m - 1; k < j; k++, j--) {
    const ar = re[k]!, ai = im[k]!, br = re[j]!, bi = im[j]!;
    const c = tw[2 * k]!, s = tw[2 * k + 1]!;
    const er = 0.5 * (ar + br), ei = 0.5 * (ai - bi);
    const or = ar - br, oi = ai + bi;
    const pr = c * or + s * oi, pi = c * oi - s * or;
    const xr = er + pi, xi = ei - pr, yr = er - pi, yi = ei + pr;
    out[k] = xr * xr + xi * xi;
    out[j] = yr * yr + yi * yi;
  }
}

/**
 * Inverse of realSpectrum with 1/size scaling (numpy irfft): `spectrum` holds bins 0..size/2
 * interleaved; the imaginary parts of DC and Nyquist are ignored. Undoes the split to get Z, then
 * computes the inverse M-point DFT as swap(DFT(swap(Z))) / M, swap(a + ib) = b + ia.
 */
export function inverseReal(core: RealCore, spectrum: Float32Array | Float64Array, out: Float32Array | Float64Array): void {
  const h = core.half;
  const m = h.size;
  const sr = h.stageRe, si = h.stageIm, tw = core.split;
  const f = 0.5 / m;
  const x0 = spectrum[0]!, xm = spectrum[2 * m]!;
  sr[0] = f * (x0 - xm);
  si[0] = f * (x0 + xm);
  if (m >= 2) {
    const half = m >> 1;
    sr[half] = -2 * f * spectrum[2 * half + 1]!;
    si[half] = 2 * f * spectrum[2 * half]!;
  }
  const g = 2 * f;
  for (let k = 1, j = m - 1; k < j; k++, j--) {
    const ar = spectrum[2 * k]!, ai = spectrum[2 * k + 1]!, br = spectrum[2 * j]!, bi = spectrum[2 * j + 1]!;
    const c = tw[2 * k]!, s = tw[2 * k + 1]!;
    const er = f * (ar + br), ei = f * (ai - bi);
    const dr = ar - br, di = ai + bi;
    // O W^-k with W^-k = 2 (c + i s): the table holds halves.
    const or = g * (dr * c - di * s), oi = g * (dr * s + di * c);
    sr[k] = ei + or;
    si[k] = er - oi;
    sr[j] = or - ei;
    si[j] = er + oi;
  }
  firstPassSplit(h, sr, si);
  runPasses(h, 0, h.quarters.length);
  const re = h.re, im = h.im;
  for (let n = 0; n < m; n++) {
    out[2 * n] = im[n]!;
    out[2 * n + 1] = re[n]!;
  }
}
