export const BAND_SCALES = ['linear', 'db'] as const;
/** 'linear': summed power as is; 'db': 10 · log10(max(power, floor)) dB. */
export type BandScale = (typeof BAND_SCALES)[number];

/** Bin index ranges of contiguous bands: band b covers bins start[b] <= k < end[b]. */
export interface BandBins {
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/**
 * Maps band edges (Hz, increasing, within [0, Nyquist]) to bin ranges: band b holds the bins whose
 * centre frequency f_k lies in [edges[b], edges[b+1]). A band whose upper edge is exactly Nyquist also
 * holds the Nyquist bin, so edges [0, sampleRate / 2] cover every bin once.
 */
export function bandBins(frequencies: Float64Array, edges: readonly number[]): BandBins {
  const bins = frequencies.length;
  const nyquist = frequencies[bins - 1]!;
  const count = edges.length - 1;
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const firstAtOrAbove = (hz: number): number => {
    let k = 0;
    while (k < bins && frequencies[k]! < hz) k++;
    return k;
  };
  for (let b = 0; b < count; b++) {
    start[b] = firstAtOrAbove(edges[b]!);
    end[b] = edges[b + 1]! >= nyquist ? bins : firstAtOrAbove(edges[b + 1]!);
  }
  return { start, end };
}

/**
 * Band powers: out[offset + b] = Σ_{k in band b} P_k over a power spectrum (|X|² units, or dB with
 * scale 'db', where a silent band reads 10 · log10(floor)). No allocation.
 */
export function bandPowers(
  power: Float64Array,
  bands: BandBins,
  scale: BandScale,
  floor: number,
  out: Float32Array | Float64Array,
  offset: number,
): void {
  const { start, end } = bands;
  for (let b = 0; b < start.length; b++) {
    let sum = 0;
    for (let k = start[b]!; k < end[b]!; k++) sum += power[k]!;
    out[offset + b] = scale === 'db' ? 10 * Math.log10(sum > floor ? sum : floor) : sum;
  }
}
