/**
 * The K largest local maxima of a magnitude spectrum, with parabolic interpolation.
 * A bin k in 1..N/2−1 is a peak when |X[k−1]| < |X[k]| >= |X[k+1]| (the first bin of a plateau; DC and
 * Nyquist have one neighbour and are never peaks). Through the three magnitudes a, b, c around it, the
 * parabola's vertex is at offset p = (a − c) / (2 (a − 2b + c)) bins, giving frequency (k + p) ·
 * binHz (Hz) and magnitude b − (a − c) p / 4 (linear magnitude, as Essentia `PeakDetection`
 * interpolates the spectrum it is given; interpolating dB values, as Smith & Serra's PARSHL, is more
 * exact for a Hann main lobe but undefined at zero bins).
 *
 * Writes out[2i] = frequency (Hz), out[2i+1] = magnitude of the i-th largest peak (by interpolated
 * magnitude, ties to the lower frequency), for i < out.length / 2; slots without a peak hold 0, 0.
 * O(bins · K), no allocation.
 */
export function spectralPeaks(magnitude: Float64Array, bins: number, binHz: number, out: Float64Array): void {
  const capacity = out.length >> 1;
  out.fill(0);
  let found = 0;
  for (let k = 1; k < bins - 1; k++) {
    const a = magnitude[k - 1]!;
    const b = magnitude[k]!;
    const c = magnitude[k + 1]!;
    if (!(b > a && b >= c)) continue;
    // a < b >= c makes the curvature a − 2b + c strictly negative: the division is safe.
    const p = (0.5 * (a - c)) / (a - 2 * b + c);
    const height = b - 0.25 * (a - c) * p;
    if (found === capacity && !(height > out[2 * capacity - 1]!)) continue;
    let i = found < capacity ? found++ : capacity - 1;
    while (i > 0 && out[2 * i - 1]! < height) {
      out[2 * i] = out[2 * i - 2]!;
      out[2 * i + 1] = out[2 * i - 1]!;
      i--;
    }
    out[2 * i] = (k + p) * binHz;
    out[2 * i + 1] = height;
  }
}
