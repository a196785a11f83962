import { abs, complex, type Complex, conj, mul, sub } from './complex.js';
import type { Zpk } from './zpk.js';

/*
 * Digital zeros/poles/gain to second-order sections with scipy's 'nearest' pairing (zpk2sos): the pole
 * closest to the unit circle is taken first and paired with its nearest zero, and sections are filled
 * from the last backwards, so the sharpest resonances come last, after the gain has been set by the
 * earlier sections. Same choices as scipy, hence the same sections (not only the same filter).
 */

const TOLERANCE = 100 * Number.EPSILON;

/**
 * Splits into conjugate pairs (one member kept, im > 0, sorted by real part then |im|) followed by the
 * real values sorted ascending, averaging each pair to remove rounding asymmetry (scipy `_cplxreal`).
 */
function conjugatePairsThenReals(values: readonly Complex[]): Complex[] {
  const sorted = [...values].sort((a, b) => a.re - b.re || Math.abs(a.im) - Math.abs(b.im));
  const isReal = (v: Complex): boolean => Math.abs(v.im) <= TOLERANCE * abs(v);
  const reals = sorted.filter(isReal).map((v) => complex(v.re));
  const upper = sorted.filter((v) => !isReal(v) && v.im > 0);
  const lower = sorted.filter((v) => !isReal(v) && v.im < 0);
  if (upper.length !== lower.length) throw new Error('zpk-to-sos: a complex value has no conjugate');
  // Within runs of (nearly) equal real part, order by |im| so the two halves line up pair by pair.
  let start = 0;
  while (start < upper.length) {
    let stop = start + 1;
    while (stop < upper.length && upper[stop]!.re - upper[stop - 1]!.re <= TOLERANCE * abs(upper[stop - 1]!)) stop++;
    const byImag = (a: Complex, b: Complex): number => Math.abs(a.im) - Math.abs(b.im);
    upper.splice(start, stop - start, ...upper.slice(start, stop).sort(byImag));
    lower.splice(start, stop - start, ...lower.slice(start, stop).sort(byImag));
    start = stop;
  }
  const pairs = upper.map((u, i) => {
    const l = lower[i]!;
    if (abs(sub(u, conj(l))) > TOLERANCE * abs(l)) throw new Error('zpk-to-sos: a complex value has no conjugate');
    return complex((u.re + l.re) / 2, (u.im - l.im) / 2);
  });
  return [...pairs, ...reals];
}

const isReal = (v: Complex): boolean => v.im === 0;

/** Index of the value closest to the unit circle (first on ties). */
function worst(values: readonly Complex[], accept: (v: Complex) => boolean = () => true): number {
  let best = -1;
  let bestDistance = Infinity;
  values.forEach((v, i) => {
    const d = Math.abs(1 - abs(v));
    if (accept(v) && d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** Index of the value nearest to `to` among those `accept` admits (first on ties). */
function nearest(values: readonly Complex[], to: Complex, accept: (v: Complex) => boolean = () => true): number {
  let best = -1;
  let bestDistance = Infinity;
  values.forEach((v, i) => {
    const d = abs(sub(v, to));
    if (accept(v) && d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

function take(values: Complex[], index: number): Complex {
  return values.splice(index, 1)[0]!;
}

/** Monic polynomial with the given roots (1 to 2 of them, real or a conjugate pair): real coefficients. */
function poly(roots: readonly Complex[]): number[] {
  let c: Complex[] = [complex(1)];
  for (const r of roots) {
    const next: Complex[] = [...c, complex(0)];
    for (let i = 1; i < next.length; i++) next[i] = sub(next[i]!, mul(c[i - 1]!, r));
    c = next;
  }
  return c.map((v) => v.re);
}

/** One section `b0 b1 b2 a0 a1 a2` from up to two zeros and two poles, right-aligned as scipy does. */
function section(zeros: readonly Complex[], poles: readonly Complex[]): number[] {
  const b = poly(zeros);
  const a = poly(poles);
  const out = [0, 0, 0, 0, 0, 0];
  b.forEach((v, i) => (out[3 - b.length + i] = v));
  a.forEach((v, i) => (out[6 - a.length + i] = v));
  return out;
}

/** Second-order sections of a digital filter, 6 numbers per section, gain folded into the first. */
export function zpkToSos(filter: Zpk): Float64Array {
  let z = [...filter.zeros];
  let p = [...filter.poles];
  if (z.length === 0 && p.length === 0) return Float64Array.of(filter.gain, 0, 0, 1, 0, 0);
  while (p.length < z.length) p.push(complex(0));
  while (z.length < p.length) z.push(complex(0));
  const count = (p.length + 1) >> 1;
  if (p.length % 2 === 1) {
    p.push(complex(0));
    z.push(complex(0));
  }
  z = conjugatePairsThenReals(z);
  p = conjugatePairsThenReals(p);
  const sos = new Float64Array(6 * count);
  for (let si = count - 1; si >= 0; si--) {
    const p1 = take(p, worst(p));
    let row: number[];
    if (isReal(p1) && !p.some(isReal)) {
      const z1 = take(z, nearest(z, p1, isReal));
      row = section([z1, complex(0)], [p1, complex(0)]);
    } else if (p.length + 1 === z.length && !isReal(p1) && p.filter(isReal).length === 1 && z.filter(isReal).length === 1) {
      // Keep the last real zero for the last real pole: pair this complex pole with a complex zero.
      const z1 = take(z, nearest(z, p1, (v) => !isReal(v)));
      row = section([z1, conj(z1)], [p1, conj(p1)]);
    } else {
      const p2 = isReal(p1) ? take(p, worst(p, isReal)) : conj(p1);
      if (z.length === 0) {
        row = section([], [p1, p2]);
      } else {
        const z1 = take(z, nearest(z, p1));
        if (!isReal(z1)) row = section([z1, conj(z1)], [p1, p2]);
        else if (z.length > 0) row = section([z1, take(z, nearest(z, p1, isReal))], [p1, p2]);
        else row = section([z1], [p1, p2]);
      }
    }
    sos.set(row, 6 * si);
  }
  for (let i = 0; i < 3; i++) sos[i] = sos[i]! * filter.gain;
  return sos;
}

