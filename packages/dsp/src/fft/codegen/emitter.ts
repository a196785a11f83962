/*
 * Code-generation primitives for the FFT kernels: complex values as pairs of named locals with lazy
 * signs, an emitter that places each definition just before its first use, and a split-radix DFT
 * over them. See ../generate-codelets.ts for why the kernels are generated.
 */
/** A real scalar held in a local, possibly negated (the negation is folded into its consumer). */
export interface Term {
  readonly v: string;
  readonly neg: boolean;
}

export interface Cx {
  readonly re: Term;
  readonly im: Term;
}

/** The local `v`, not negated. */
export const term = (v: string): Term => ({ v, neg: false });
/** The complex value held in locals `re`, `im`. */
export const cx = (re: string, im: string): Cx => ({ re: term(re), im: term(im) });
/** -t, at no cost: the sign travels with the term. */
export const negate = (t: Term): Term => ({ v: t.v, neg: !t.neg });
/** -i a, at no cost: a swap of parts and a sign. */
export const mulMinusI = (a: Cx): Cx => ({ re: a.im, im: negate(a.re) });
/** The term as an expression, for a store (where a pending sign finally costs a negation). */
export const signed = (t: Term): string => (t.neg ? `-${t.v}` : t.v);
/** `base + offset` as an int32 index expression; base and offset are names or literals, never expressions. */
export function at(base: string, offset: string): string {
  if (offset === '' || offset === '0') return base;
  if (base === '0') return offset;
  return `(${base} + ${offset}) | 0`;
}

/** Collects the statements of one kernel body; see Emitter.dft for the DFT it writes. */
export class Emitter {
  readonly lines: string[] = [];
  private next = 0;
  private readonly pending = new Map<string, { emit: () => void; names: string[] }>();

  /** Registers the statements that define a complex value; they are emitted at its first use. */
  defer(value: Cx, define: string[] | (() => void)): void {
    const emit = typeof define === 'function' ? define : (): void => void this.lines.push(...define);
    const entry = { emit, names: [value.re.v, value.im.v] };
    for (const name of entry.names) this.pending.set(name, entry);
  }

  use(t: Term): string {
    const entry = this.pending.get(t.v);
    if (entry) {
      for (const name of entry.names) this.pending.delete(name);
      entry.emit();
    }
    return t.v;
  }

  private local(expr: string): string {
    const name = `t${this.next++}`;
    this.lines.push(`const ${name} = ${expr};`);
    return name;
  }

  add(x: Term, y: Term): Term {
    const [a, b] = [this.use(x), this.use(y)];
    if (x.neg === y.neg) return { v: this.local(`${a} + ${b}`), neg: x.neg };
    return { v: this.local(x.neg ? `${b} - ${a}` : `${a} - ${b}`), neg: false };
  }

  sub(x: Term, y: Term): Term {
    return this.add(x, negate(y));
  }

  scale(x: Term, k: number): Term {
    return { v: this.local(`${this.use(x)} * ${String(Math.abs(k))}`), neg: x.neg !== k < 0 };
  }

  mul(x: Term, y: Term): Term {
    return { v: this.local(`${this.use(x)} * ${this.use(y)}`), neg: x.neg !== y.neg };
  }

  cadd(a: Cx, b: Cx): Cx {
    return { re: this.add(a.re, b.re), im: this.add(a.im, b.im) };
  }

  csub(a: Cx, b: Cx): Cx {
    return { re: this.sub(a.re, b.re), im: this.sub(a.im, b.im) };
  }

  /** raw * w for a twiddle held in locals (possibly negated), emitted just before the product is first needed. */
  lazyProduct(raw: Cx, w: Cx, name: string): Cx {
    // re = ar wr - ai wi and im = ar wi + ai wr with the signs of wr, wi folded into + / - and the result's sign.
    const re = { v: `${name}r`, neg: w.re.neg };
    const im = { v: `${name}i`, neg: w.im.neg };
    this.defer({ re, im }, () => {
      const [ar, ai, wr, wi] = [this.use(raw.re), this.use(raw.im), this.use(w.re), this.use(w.im)];
      const same = w.re.neg === w.im.neg;
      this.lines.push(
        `const ${name}r = ${ar} * ${wr} ${same ? '-' : '+'} ${ai} * ${wi};`,
        `const ${name}i = ${ar} * ${wi} ${same ? '+' : '-'} ${ai} * ${wr};`,
      );
    });
    return { re, im };
  }

  /** a * exp(-2 pi i k / n), with the multiplications that a trivial twiddle does not need left out. */
  twiddle(a: Cx, k: number, n: number): Cx {
    const e = ((k % n) + n) % n;
    if (e === 0) return a;
    if (4 * e === n) return mulMinusI(a);
    if (2 * e === n) return { re: negate(a.re), im: negate(a.im) };
    if (4 * e === 3 * n) return mulMinusI({ re: negate(a.re), im: negate(a.im) });
    const c = Math.cos((2 * Math.PI * e) / n);
    const s = -Math.sin((2 * Math.PI * e) / n);
    if (8 * e === n || 8 * e === 5 * n) return { re: this.scale(this.add(a.re, a.im), c), im: this.scale(this.sub(a.im, a.re), c) };
    if (8 * e === 3 * n || 8 * e === 7 * n) return { re: this.scale(this.sub(a.re, a.im), s), im: this.scale(this.add(a.re, a.im), s) };
    const rc = this.scale(a.re, c);
    const is = this.scale(a.im, s);
    const rs = this.scale(a.re, s);
    const ic = this.scale(a.im, c);
    return { re: this.sub(rc, is), im: this.add(rs, ic) };
  }

  /** Split-radix DFT, natural order in and out; `sink` sees each output as soon as it is computed. */
  dft(xs: readonly Cx[], sink: (k: number, value: Cx) => void = () => {}): Cx[] {
    const n = xs.length;
    const out = new Array<Cx>(n);
    const put = (k: number, value: Cx): void => {
      out[k] = value;
      sink(k, value);
    };
    if (n === 1) {
      this.use(xs[0]!.re);
      put(0, xs[0]!);
      return out;
    }
    if (n === 2) {
      put(0, this.cadd(xs[0]!, xs[1]!));
      put(1, this.csub(xs[0]!, xs[1]!));
      return out;
    }
    const u = this.dft(xs.filter((_, i) => i % 2 === 0));
    const z1 = this.dft(xs.filter((_, i) => i % 4 === 1));
    const z3 = this.dft(xs.filter((_, i) => i % 4 === 3));
    const q = n / 4;
    for (let k = 0; k < q; k++) {
      const a = this.twiddle(z1[k]!, k, n);
      const b = this.twiddle(z3[k]!, 3 * k, n);
      const s = this.cadd(a, b);
      const d = mulMinusI(this.csub(a, b));
      put(k, this.cadd(u[k]!, s));
      put(k + 2 * q, this.csub(u[k]!, s));
      put(k + q, this.cadd(u[k + q]!, d));
      put(k + 3 * q, this.csub(u[k + q]!, d));
    }
    return out;
  }
}

/** `value` with its low `bits` bits in reverse order. */
export function reverseBits(value: number, bits: number): number {
  let r = 0;
  for (let i = 0; i < bits; i++) r |= ((value >> i) & 1) << (bits - 1 - i);
  return r;
}

/** The lines joined, each indented by `depth` spaces. */
export function indent(lines: readonly string[], depth: number): string {
  return lines.map((l) => `${' '.repeat(depth)}${l}`).join('\n');
}

/** `const {prefix}k = k * unit;` for k = 1..count-1 (the strides of a kernel). */
export function constants(prefix: string, count: number, unit: string): string[] {
  const lines: string[] = [];
  for (let k = 1; k < count; k++) lines.push(`const ${prefix}${k} = ${k === 1 ? unit : `${k} * ${unit}`};`);
  return lines;
}

/** The `const name = ...` declarations whose name the body uses (an unused local fails noUnusedLocals). */
export function usedOnly(declarations: readonly string[], body: readonly string[]): string[] {
  const text = body.join('\n');
  return declarations.filter((d) => new RegExp(`\\b${/^const (\w+)/.exec(d)![1]}\\b`).test(text));
}
