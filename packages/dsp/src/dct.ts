/**
 * DCT-II scalings. 'ortho': orthonormal (scipy.fft.dct(norm='ortho')): c_k = s_k sum_n x_n cos(pi k (2n+1) / 2N),
 * s_0 = sqrt(1/N), s_k = sqrt(2/N). 'tensorflow': tf.signal.mfccs_from_log_mel_spectrograms, which uses
 * sqrt(2/N) for every k including c_0 (c_0 is sqrt(2) larger than ortho; the others agree).
 */
export type DctScaling = 'ortho' | 'tensorflow';

/**
 * The first `count` DCT-II outputs of `n` inputs, folded by symmetry: the basis of row k is even (k even)
 * or odd (k odd) about the middle of the input, so even rows act on x[i] + x[n-1-i] and odd rows on
 * x[i] - x[n-1-i], half the multiply-adds of a full matrix.
 */
export interface DctTable {
  readonly n: number;
  readonly count: number;
  /** input pairs (i, n-1-i) per row: floor(n / 2), plus the middle input when n is odd */
  readonly width: number;
  /** count x width folded basis, row-major, scaling and row gains (liftering) included */
  readonly rows: Float64Array;
  /** scratch: pair sums and differences */
  readonly sum: Float64Array;
  readonly diff: Float64Array;
}

/** Builds the folded DCT-II table; `rowGain(k)` multiplies row k (a cepstral lifter). */
export function createDctTable(n: number, count: number, scaling: DctScaling, rowGain?: (k: number) => number): DctTable {
  const half = Math.floor(n / 2);
  const width = half + (n % 2);
  const rows = new Float64Array(count * width);
  for (let k = 0; k < count; k++) {
    const s = (k === 0 && scaling === 'ortho' ? Math.sqrt(1 / n) : Math.sqrt(2 / n)) * (rowGain ? rowGain(k) : 1);
    // cos(pi k (2i+1) / 2n) for i < half; the middle input (odd n) has its own basis value (0 for odd k).
    for (let i = 0; i < width; i++) rows[k * width + i] = s * Math.cos((Math.PI * k * (2 * i + 1)) / (2 * n));
  }
  return { n, count, width, rows, sum: new Float64Array(width), diff: new Float64Array(width) };
}

/** Sinusoidal cepstral lifter of HTK / python_speech_features / librosa: 1 + (L/2) sin(pi k / L); L = 0 is none. */
export function lifterGain(lifter: number): (k: number) => number {
  return (k) => (lifter > 0 ? 1 + (lifter / 2) * Math.sin((Math.PI * k) / lifter) : 1);
}

/** out[k] = sum_i basis_k[i] * input[i] for k < table.count. No allocation. */
export function applyDct(table: DctTable, input: Float32Array, out: Float32Array): void {
  const { n, count, width, rows, sum, diff } = table;
  const half = n >> 1;
  for (let i = 0; i < half; i++) {
    const a = input[i]!;
    const b = input[n - 1 - i]!;
    sum[i] = a + b;
    diff[i] = a - b;
  }
  if (width > half) {
    sum[half] = input[half]!;
    diff[half] = 0;
  }
  for (let k = 0; k < count; k++) {
    const folded = (k & 1) === 0 ? sum : diff;
    const row = k * width;
    let acc = 0;
    for (let i = 0; i < width; i++) acc += rows[row + i]! * folded[i]!;
    out[k] = acc;
  }
}

/** The full count x n DCT-II matrix (row-major), for export and inspection. */
export function dctMatrix(table: DctTable): Float64Array {
  const { n, count, width, rows } = table;
  const m = new Float64Array(count * n);
  for (let k = 0; k < count; k++) {
    for (let i = 0; i < width; i++) {
      const v = rows[k * width + i]!;
      m[k * n + i] = v;
      if (n - 1 - i !== i) m[k * n + n - 1 - i] = k % 2 === 0 ? v : -v;
    }
  }
  return m;
}
