import { createFftPlan, type FftPlan } from '../fft.js';

/**
 * Exact-length complex DFT for any N via Bluestein's chirp-z algorithm on power-of-two FFTs: lets the
 * Hilbert transform keep scipy's exact-length behaviour without padding. State is built once; a
 * transform allocates nothing. All arithmetic is double precision.
 */
export class BluesteinDft {
  /** power-of-two convolution length >= 2N - 1 */
  readonly convolutionSize: number;
  private readonly fft: FftPlan;
  /** exp(-i pi n^2 / N), interleaved, n = 0..N-1 */
  private readonly chirp: Float64Array;
  /** FFT of the conjugate chirp laid out for circular convolution */
  private readonly kernel: Float64Array;
  private readonly a: Float64Array;
  private readonly b: Float64Array;

  constructor(readonly length: number) {
    let m = 1;
    while (m < 2 * length - 1) m *= 2;
    this.convolutionSize = Math.max(m, 2);
    this.fft = createFftPlan({ size: this.convolutionSize });
    this.chirp = new Float64Array(2 * length);
    for (let n = 0; n < length; n++) {
      // n^2 mod 2N keeps the angle small, so large n lose no phase precision.
      const angle = (Math.PI * ((n * n) % (2 * length))) / length;
      this.chirp[2 * n] = Math.cos(angle);
      this.chirp[2 * n + 1] = -Math.sin(angle);
    }
    const size = this.convolutionSize;
    this.a = new Float64Array(2 * size);
    this.b = new Float64Array(2 * size);
    const conj = this.a;
    for (let n = 0; n < length; n++) {
      const re = this.chirp[2 * n]!;
      const im = -this.chirp[2 * n + 1]!;
      conj[2 * n] = re;
      conj[2 * n + 1] = im;
      if (n > 0) {
        conj[2 * (size - n)] = re;
        conj[2 * (size - n) + 1] = im;
      }
    }
    this.kernel = new Float64Array(2 * size);
    this.fft.engine.transform(this.kernel, conj);
    conj.fill(0);
  }

  /**
   * X[k] = sum_n x[n] exp(-2 pi i n k / N) (or the inverse, with the 1/N factor, when `inverse`), on
   * interleaved complex arrays of N values; `out` may be `input`.
   */
  transform(input: ArrayLike<number>, out: Float64Array, inverse = false): void {
    const n = this.length;
    const { chirp, a, b, kernel } = this;
    // The inverse DFT is conj(DFT(conj(X))) / N: conjugate on the way in and out.
    const sign = inverse ? -1 : 1;
    for (let i = 0; i < n; i++) {
      const xr = input[2 * i]!;
      const xi = sign * input[2 * i + 1]!;
      const cr = chirp[2 * i]!;
      const ci = chirp[2 * i + 1]!;
      a[2 * i] = xr * cr - xi * ci;
      a[2 * i + 1] = xr * ci + xi * cr;
    }
    a.fill(0, 2 * n);
    this.fft.engine.transform(b, a);
    for (let i = 0; i < 2 * this.convolutionSize; i += 2) {
      const br = b[i]!;
      const bi = b[i + 1]!;
      const kr = kernel[i]!;
      const ki = kernel[i + 1]!;
      b[i] = br * kr - bi * ki;
      b[i + 1] = br * ki + bi * kr;
    }
    this.fft.engine.inverseTransform(a, b);
    const scale = inverse ? 1 / n : 1;
    for (let i = 0; i < n; i++) {
      const yr = a[2 * i]!;
      const yi = a[2 * i + 1]!;
      const cr = chirp[2 * i]!;
      const ci = chirp[2 * i + 1]!;
      out[2 * i] = (yr * cr - yi * ci) * scale;
      out[2 * i + 1] = sign * (yr * ci + yi * cr) * scale;
    }
  }
}
