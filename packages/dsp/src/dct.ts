/**
 * DCT-II scalings. 'ortho': orthonormal (scipy.fft.dct(norm='ortho')): c_k = s_k sum_n x_n cos(pi k (2n+1) / 2N),
 * s_0 = sqrt(1/N), s_k = sqrt(2/N). 'tensorflow': tf.signal.mfccs_from_log_mel_spectrograms, which uses
 * sqrt(2/N) for every k including c_0 (c_0 is sqrt(2) larger than ortho; the others agree).
 */
export type DctScaling = 'ortho' | 'tensorflow';

/** DCT-II as a `count x n` row-major matrix, with an optional per-row gain (liftering) folded in. */
export function dctMatrix(n: number, count: number, scaling: DctScaling, rowGain?: (k: number) => number): Float64Array {
  const m = new Float64Array(count * n);
  for (let k = 0; k < count; k++) {
    const s = (k === 0 && scaling === 'ortho' ? Math.sqrt(1 / n) : Math.sqrt(2 / n)) * (rowGain ? rowGain(k) : 1);
    for (let i = 0; i < n; i++) m[k * n + i] = s * Math.cos((Math.PI * k * (2 * i + 1)) / (2 * n));
  }
  return m;
}

/** Sinusoidal cepstral lifter of HTK / python_speech_features / librosa: 1 + (L/2) sin(pi k / L); L = 0 is none. */
export function lifterGain(lifter: number): (k: number) => number {
  return (k) => (lifter > 0 ? 1 + (lifter / 2) * Math.sin((Math.PI * k) / lifter) : 1);
}

/** out[k] = sum_i matrix[k][i] * input[i] for k < count. */
export function applyMatrix(matrix: Float64Array, n: number, count: number, input: Float32Array, out: Float32Array): void {
  for (let k = 0; k < count; k++) {
    const row = k * n;
    let acc = 0;
    for (let i = 0; i < n; i++) acc += matrix[row + i]! * input[i]!;
    out[k] = acc;
  }
}
