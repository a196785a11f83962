/*
 * Single-number descriptors of one spectrum, after Peeters (2004), "A large set of audio features for
 * sound description (similarity and classification) in the CUIDADO project", as implemented by
 * librosa, Meyda and Essentia. Inputs are float64 copies of bins 0..N/2 (DC..Nyquist); `frequencies[k]`
 * = k · sampleRate / N Hz. Each function is allocation-free and returns 0, never NaN, for an all-zero
 * spectrum.
 */

/**
 * Spectral shape: the first four moments of the magnitude spectrum taken as a distribution over
 * frequency, p_k = |X[k]| / Σ|X| (Peeters 2004 §6.1.1; librosa `spectral_centroid` and
 * `spectral_bandwidth` also weight by magnitude; the Timbre Toolbox offers power weights too).
 * Writes out[0] = centroid μ = Σ f_k p_k (Hz), out[1] = spread σ = √(Σ (f_k − μ)² p_k) (Hz),
 * out[2] = skewness Σ (f_k − μ)³ p_k / σ³, out[3] = kurtosis Σ (f_k − μ)⁴ p_k / σ⁴ (Pearson, 3 for a
 * Gaussian shape, as Peeters; Essentia's DistributionShape reports the excess, 3 less; Meyda's
 * spectralKurtosis is a different formula). A spread below 1e-9 of a bin (one non-zero bin, up to
 * rounding) counts as 0, and then skewness and kurtosis are 0 too.
 */
export function spectralShape(frequencies: Float64Array, magnitude: Float64Array, out: Float64Array): void {
  const bins = frequencies.length;
  let total = 0;
  let weighted = 0;
  for (let k = 0; k < bins; k++) {
    total += magnitude[k]!;
    weighted += frequencies[k]! * magnitude[k]!;
  }
  out[0] = out[1] = out[2] = out[3] = 0;
  if (!(total > 0)) return;
  const centroid = weighted / total;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let k = 0; k < bins; k++) {
    const d = frequencies[k]! - centroid;
    const w = magnitude[k]!;
    const d2w = d * d * w;
    m2 += d2w;
    m3 += d2w * d;
    m4 += d2w * d * d;
  }
  m2 /= total;
  out[0] = centroid;
  const spread = Math.sqrt(m2);
  if (spread <= 1e-9 * frequencies[1]!) return;
  out[1] = spread;
  out[2] = m3 / total / (m2 * spread);
  out[3] = m4 / total / (m2 * m2);
}

/**
 * Spectral flatness: geometric mean / arithmetic mean of the power spectrum, each bin floored at
 * `floor` first so a zero bin does not zero the product (librosa `spectral_flatness`: power = 2,
 * amin = 1e-10; MPEG-7 AudioSpectrumFlatness is also on power; Meyda uses magnitude). In [0, 1]:
 * 1 for a flat spectrum, near 0 for a pure tone, about e^−γ ≈ 0.56 for one periodogram of white noise
 * (its bins are exponentially distributed) and near 1 for an averaged one. 0 for an all-zero spectrum.
 */
export function spectralFlatness(power: Float64Array, floor: number): number {
  const bins = power.length;
  let raw = 0;
  let sum = 0;
  let logSum = 0;
  for (let k = 0; k < bins; k++) {
    const p = power[k]!;
    const v = p > floor ? p : floor;
    raw += p;
    sum += v;
    logSum += Math.log(v);
  }
  if (!(raw > 0)) return 0;
  return Math.exp(logSum / bins) / (sum / bins);
}

/**
 * Spectral rolloff (Hz): the centre frequency of the first bin at which the cumulative power reaches
 * `fraction` of the total, min f_k such that Σ_{j≤k} P_j ≥ fraction · Σ P. Peeters 2004 uses energy
 * (power) with 0.95; librosa sums magnitude with 0.85; we sum power, default 0.85. 0 for silence.
 */
export function spectralRolloff(frequencies: Float64Array, power: Float64Array, fraction: number): number {
  const bins = frequencies.length;
  let total = 0;
  for (let k = 0; k < bins; k++) total += power[k]!;
  if (!(total > 0)) return 0;
  const threshold = fraction * total;
  let cumulative = 0;
  for (let k = 0; k < bins; k++) {
    cumulative += power[k]!;
    if (cumulative >= threshold) return frequencies[k]!;
  }
  return frequencies[bins - 1]!;
}

/**
 * Spectral slope (magnitude units per Hz): least-squares slope of |X[k]| against f_k,
 * Σ (f_k − f̄)(|X[k]| − mean|X|) / Σ (f_k − f̄)². Peeters 2004 (and Meyda) divide this by Σ|X| to make it
 * level-invariant; multiply by 1 / Σ|X| to get theirs. Negative for spectra that fall with frequency.
 */
export function spectralSlope(frequencies: Float64Array, magnitude: Float64Array): number {
  const bins = frequencies.length;
  let fSum = 0;
  for (let k = 0; k < bins; k++) fSum += frequencies[k]!;
  const fMean = fSum / bins;
  let covariance = 0;
  let variance = 0;
  for (let k = 0; k < bins; k++) {
    const d = frequencies[k]! - fMean;
    covariance += d * magnitude[k]!;
    variance += d * d;
  }
  // Σ (f_k − f̄) · mean|X| is zero, so the magnitude need not be centred.
  return covariance / variance;
}

/**
 * Spectral crest: max_k P_k / mean_k P_k over the power spectrum (as flatness; Essentia `Crest` applied
 * to a magnitude spectrum gives max/mean of magnitude, a different number). 1 for a flat spectrum,
 * N/2 + 1 for a single non-zero bin; 0 for silence.
 */
export function spectralCrest(power: Float64Array): number {
  const bins = power.length;
  let max = 0;
  let sum = 0;
  for (let k = 0; k < bins; k++) {
    const p = power[k]!;
    sum += p;
    if (p > max) max = p;
  }
  return sum > 0 ? max / (sum / bins) : 0;
}
