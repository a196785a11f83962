import { complexFft, createFftPlan, inverseComplexFft, type FftPlan } from '../fft.js';

/**
 * Exact-length complex DFT for any N via Bluestein's chirp-z algorithm on power-of-two FFTs: lets the
 * Hilbert transform keep scipy's exact-length behaviour without padding. State is built once; a
 * transform allocates nothing. All arithmetic is double precision, on split re / im arrays.
 */
export class BluesteinDft {
  /** power-of-two convolution length >= 2N - 1 */
  readonly convolutionSize: number;
  private readonly fft: FftPlan;
  /** exp(-i pi n^2 / N), n = 0..N-1 */
  private readonly chirpRe: Float64Array;
  private readonly chirpIm: Float64Array;
  /** FFT of the conjugate chirp laid out for circular convolution */
  private readonly kernelRe: Float64Array;
  private readonly kernelIm: Float64Array;
  /** the chirped, zero-padded input, then the convolution */
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(readonly length: number) {
    let m = 1;
    while (m < 2 * length - 1) m *= 2;
    const size = Math.max(m, 2);
    this.convolutionSize = size;
    this.fft = createFftPlan({ size });
    this.chirpRe = new Float64Array(length);
    this.chirpIm = new Float64Array(length);
    this.kernelRe = new Float64Array(size);
    this.kernelIm = new Float64Array(size);
    for (let n = 0; n < length; n++) {
      // n^2 mod 2N keeps the angle small, so large n lose no phase precision.
      const angle = (Math.PI * ((n * n) % (2 * length))) / length;
      const c = Math.cos(angle);
      const s = Math.sin(angle);
      this.chirpRe[n] = c;
      this.chirpIm[n] = -s;
      this.kernelRe[n] = c;
      this.kernelIm[n] = s;
      if (n > 0) {
        this.kernelRe[size - n] = c;
        this.kernelIm[size - n] = s;
      }
    }
    complexFft(this.fft, this.kernelRe, this.kernelIm, this.kernelRe, this.kernelIm);
    this.re = new Float64Array(size);
    this.im = new Float64Array(size);
  }

  /**
   * X[k] = sum_n x[n] exp(-2 pi i n k / N) (or the inverse, with the 1/N factor, when `inverse`) of
   * x = re + i im (N values each) into outRe + i outIm, which may be the input arrays.
   */
  transform(re: Float64Array, im: Float64Array, outRe: Float64Array, outIm: Float64Array, inverse = false): void {
    const n = this.length;
    const { chirpRe, chirpIm, kernelRe, kernelIm } = this;
    const ar = this.re;
    const ai = this.im;
    // The inverse DFT is conj(DFT(conj(X))) / N: conjugate on the way in and out.
    const sign = inverse ? -1 : 1;
    for (let i = 0; i < n; i++) {
      const xr = re[i]!;
      const xi = sign * im[i]!;
      const cr = chirpRe[i]!;
      const ci = chirpIm[i]!;
      ar[i] = xr * cr - xi * ci;
      ai[i] = xr * ci + xi * cr;
    }
    ar.fill(0, n);
    ai.fill(0, n);
    complexFft(this.fft, ar, ai, ar, ai);
    for (let i = 0; i < this.convolutionSize; i++) {
      const br = ar[i]!;
      const bi = ai[i]!;
      const kr = kernelRe[i]!;
      const ki = kernelIm[i]!;
      ar[i] = br * kr - bi * ki;
      ai[i] = br * ki + bi * kr;
    }
    inverseComplexFft(this.fft, ar, ai, ar, ai);
    const scale = inverse ? 1 / n : 1;
    for (let i = 0; i < n; i++) {
      const yr = ar[i]!;
      const yi = ai[i]!;
      const cr = chirpRe[i]!;
      const ci = chirpIm[i]!;
      outRe[i] = (yr * cr - yi * ci) * scale;
      outIm[i] = sign * (yr * ci + yi * cr) * scale;
    }
  }
}
