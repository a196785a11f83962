/*
 * Just enough complex arithmetic for filter design (poles, zeros, responses). Design runs once per
 * plan, so small immutable objects are fine here; nothing in this file is on a sample path.
 * Division and square root follow the usual C99/numpy algorithms so designs agree with scipy to the
 * last few bits.
 */

/** A complex number. */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

export function complex(re: number, im = 0): Complex {
  return { re, im };
}

export function add(a: Complex, b: Complex): Complex {
  return { re: a.re + b.re, im: a.im + b.im };
}

export function sub(a: Complex, b: Complex): Complex {
  return { re: a.re - b.re, im: a.im - b.im };
}

export function mul(a: Complex, b: Complex): Complex {
  return { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re };
}

export function scale(a: Complex, k: number): Complex {
  return { re: a.re * k, im: a.im * k };
}

export function neg(a: Complex): Complex {
  return { re: -a.re, im: -a.im };
}

export function conj(a: Complex): Complex {
  return { re: a.re, im: -a.im };
}

/** Smith's division: scales by the larger part of the divisor so neither overflows nor loses bits. */
export function div(a: Complex, b: Complex): Complex {
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const ratio = b.im / b.re;
    const s = 1 / (b.re + b.im * ratio);
    return { re: (a.re + a.im * ratio) * s, im: (a.im - a.re * ratio) * s };
  }
  const ratio = b.re / b.im;
  const s = 1 / (b.im + b.re * ratio);
  return { re: (a.re * ratio + a.im) * s, im: (a.im * ratio - a.re) * s };
}

export function abs(a: Complex): number {
  return Math.hypot(a.re, a.im);
}

/** Principal square root (branch cut on the negative real axis, sign of im kept as C99 csqrt). */
export function sqrt(a: Complex): Complex {
  if (a.re === 0 && a.im === 0) return { re: 0, im: a.im };
  const d = Math.hypot(a.re, a.im);
  if (a.re > 0) {
    const r = Math.sqrt(0.5 * (d + a.re));
    return { re: r, im: (0.5 * a.im) / r };
  }
  const s = Math.sqrt(0.5 * (d - a.re));
  const r = Math.abs((0.5 * a.im) / s);
  return { re: r, im: a.im < 0 || Object.is(a.im, -0) ? -s : s };
}

/** exp(i * theta) */
export function expi(theta: number): Complex {
  return { re: Math.cos(theta), im: Math.sin(theta) };
}

/** Product of a list (1 for an empty list), multiplied left to right. */
export function product(values: readonly Complex[]): Complex {
  let acc: Complex = { re: 1, im: 0 };
  for (const v of values) acc = mul(acc, v);
  return acc;
}
