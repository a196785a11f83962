/*
 * Spectra for display: a browser does not need 8192 bins per machine several times a second, but it
 * must not lose a fault line. Reducing by the maximum of each bucket (a spectrum analyser's "peak"
 * detector) keeps every line's height and frequency; the noise floor drawn is its upper edge.
 */

/** A spectrum as two parallel arrays: frequency (Hz) and value (dB or amplitude). */
export interface Spectrum {
  hz: number[];
  values: number[];
}

/**
 * Reduces a spectrum to at most `maxPoints` points, keeping the largest value of each bucket with its
 * own frequency. ±Infinity values (the dB of an empty bin) become the finite extreme of the spectrum.
 *
 * @example
 * reduceSpectrum([0, 1, 2, 3], [-90, -20, -95, -96], 2); // { hz: [1, 2], values: [-20, -95] }
 */
export function reduceSpectrum(hz: ArrayLike<number>, values: ArrayLike<number>, maxPoints: number): Spectrum {
  const n = Math.min(hz.length, values.length);
  const [floor, ceiling] = finiteRange(values, n);
  const value = (i: number): number => {
    const v = values[i]!;
    return v === -Infinity ? floor : v === Infinity ? ceiling : v;
  };
  const out: Spectrum = { hz: [], values: [] };
  if (n <= maxPoints) {
    for (let i = 0; i < n; i++) {
      out.hz.push(hz[i]!);
      out.values.push(value(i));
    }
    return out;
  }
  for (let b = 0; b < maxPoints; b++) {
    const start = Math.floor((b * n) / maxPoints);
    const end = Math.floor(((b + 1) * n) / maxPoints);
    let best = start;
    for (let i = start + 1; i < end; i++) if (value(i) > value(best)) best = i;
    out.hz.push(hz[best]!);
    out.values.push(value(best));
  }
  return out;
}

/** Keeps only points with lo <= hz <= hi (both in Hz). */
export function cropSpectrum(spectrum: Spectrum, lo: number, hi: number): Spectrum {
  const out: Spectrum = { hz: [], values: [] };
  for (let i = 0; i < spectrum.hz.length; i++) {
    const f = spectrum.hz[i]!;
    if (f >= lo && f <= hi) {
      out.hz.push(f);
      out.values.push(spectrum.values[i]!);
    }
  }
  return out;
}

/** Rounds to `digits` significant digits: JSON of float32 spectra is mostly noise digits otherwise. */
export function roundSignificant(value: number, digits: number): number {
  return value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(digits));
}

function finiteRange(values: ArrayLike<number>, n: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [0, 0];
}
