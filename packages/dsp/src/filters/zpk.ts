import { add, complex, type Complex, div, expi, mul, neg, product, scale, sqrt, sub } from './complex.js';

/*
 * Zeros, poles and gain of a filter, and the classic analog transforms between them. The steps and
 * their order follow scipy.signal (buttap, lp2*_zpk, bilinear_zpk) so that designs agree with scipy's
 * to rounding, which in turn lets the SOS pairing make the same choices.
 */

/** Zeros, poles and gain of a transfer function (analog s-plane or digital z-plane). */
export interface Zpk {
  readonly zeros: readonly Complex[];
  readonly poles: readonly Complex[];
  readonly gain: number;
}

/** Analog Butterworth lowpass prototype of order `order`: cutoff 1 rad/s, no zeros, unit gain. */
export function butterworthPrototype(order: number): Zpk {
  const poles: Complex[] = [];
  // m runs -N+1, -N+3, ..., N-1; the middle pole (odd N) is exactly real.
  for (let m = -order + 1; m < order; m += 2) poles.push(neg(expi((Math.PI * m) / (2 * order))));
  return { zeros: [], poles, gain: 1 };
}

function relativeDegree(f: Zpk): number {
  return f.poles.length - f.zeros.length;
}

/** Moves a unit-cutoff lowpass to cutoff `wo` (rad/s). */
export function lowpassToLowpass(f: Zpk, wo: number): Zpk {
  const w = complex(wo);
  return { zeros: f.zeros.map((z) => mul(w, z)), poles: f.poles.map((p) => mul(w, p)), gain: f.gain * wo ** relativeDegree(f) };
}

/** Unit-cutoff lowpass to highpass with cutoff `wo` (rad/s): s -> wo / s. */
export function lowpassToHighpass(f: Zpk, wo: number): Zpk {
  const w = complex(wo);
  const zeros = f.zeros.map((z) => div(w, z));
  for (let i = 0; i < relativeDegree(f); i++) zeros.push(complex(0));
  const gain = f.gain * div(product(f.zeros.map(neg)), product(f.poles.map(neg))).re;
  return { zeros, poles: f.poles.map((p) => div(w, p)), gain };
}

/** Unit-cutoff lowpass to bandpass centred on `wo` with width `bw` (rad/s): s -> (s^2 + wo^2) / (s bw). */
export function lowpassToBandpass(f: Zpk, wo: number, bw: number): Zpk {
  const shift = (x: Complex): Complex[] => {
    const lp = scale(x, bw / 2);
    const root = sqrt(sub(mul(lp, lp), complex(wo * wo)));
    return [add(lp, root), sub(lp, root)];
  };
  const split = (xs: readonly Complex[]): Complex[] => {
    const pairs = xs.map(shift);
    return [...pairs.map((p) => p[0]!), ...pairs.map((p) => p[1]!)];
  };
  const degree = relativeDegree(f);
  const zeros = split(f.zeros);
  for (let i = 0; i < degree; i++) zeros.push(complex(0));
  return { zeros, poles: split(f.poles), gain: f.gain * bw ** degree };
}

/** Unit-cutoff lowpass to bandstop centred on `wo` with width `bw` (rad/s): s -> s bw / (s^2 + wo^2). */
export function lowpassToBandstop(f: Zpk, wo: number, bw: number): Zpk {
  const half = complex(bw / 2);
  const shift = (x: Complex): Complex[] => {
    const hp = div(half, x);
    const root = sqrt(sub(mul(hp, hp), complex(wo * wo)));
    return [add(hp, root), sub(hp, root)];
  };
  const split = (xs: readonly Complex[]): Complex[] => {
    const pairs = xs.map(shift);
    return [...pairs.map((p) => p[0]!), ...pairs.map((p) => p[1]!)];
  };
  const degree = relativeDegree(f);
  const zeros = split(f.zeros);
  for (let i = 0; i < degree; i++) zeros.push(complex(0, wo));
  for (let i = 0; i < degree; i++) zeros.push(complex(0, -wo));
  const gain = f.gain * div(product(f.zeros.map(neg)), product(f.poles.map(neg))).re;
  return { zeros, poles: split(f.poles), gain };
}

/** Bilinear transform s = 2 fs (z - 1) / (z + 1), without prewarping; zeros at infinity go to z = -1. */
export function bilinear(f: Zpk, fs: number): Zpk {
  const fs2 = complex(2 * fs);
  const map = (x: Complex): Complex => div(add(fs2, x), sub(fs2, x));
  const zeros = f.zeros.map(map);
  for (let i = 0; i < relativeDegree(f); i++) zeros.push(complex(-1));
  const gain = f.gain * div(product(f.zeros.map((z) => sub(fs2, z))), product(f.poles.map((p) => sub(fs2, p)))).re;
  return { zeros, poles: f.poles.map(map), gain };
}
