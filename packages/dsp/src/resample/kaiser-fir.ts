/*
 * Anti-aliasing filter design for the polyphase resampler, following scipy.signal.firwin with a
 * ('kaiser', beta) window and DC-gain scaling, which is what scipy.signal.resample_poly uses by default.
 * Everything is computed in double precision: the taps are used as float64 on the hot path.
 */

/** Modified Bessel function of the first kind, order 0 (power series; exact to double precision for |x| < 50). */
export function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** Symmetric Kaiser window of `length` points with shape `beta` (scipy `get_window(('kaiser', beta), length, fftbins=False)`). */
export function kaiserWindow(length: number, beta: number): Float64Array {
  const w = new Float64Array(length);
  if (length === 1) {
    w[0] = 1;
    return w;
  }
  const alpha = (length - 1) / 2;
  const norm = besselI0(beta);
  for (let n = 0; n < length; n++) {
    const r = (n - alpha) / alpha;
    w[n] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
  }
  return w;
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

/**
 * Windowed-sinc low-pass FIR of `2 * halfLength + 1` taps with cutoff `cutoff` (fraction of Nyquist,
 * 0..1], scaled to DC gain `gain`: scipy `firwin(2*halfLength+1, cutoff, window=('kaiser', beta)) * gain`.
 */
export function kaiserLowpass(halfLength: number, cutoff: number, beta: number, gain: number): Float64Array {
  const length = 2 * halfLength + 1;
  const h = kaiserWindow(length, beta);
  let sum = 0;
  for (let n = 0; n < length; n++) {
    const m = n - halfLength;
    h[n] = h[n]! * cutoff * sinc(cutoff * m);
    sum += h[n]!;
  }
  const scale = gain / sum;
  for (let n = 0; n < length; n++) h[n] = h[n]! * scale;
  return h;
}
