/*
 * Generator of codelets.ts, the straight-line kernels of the FFT engine. After changing it run
 * `npx tsx packages/dsp/src/fft/generate-codelets.ts`; fft.test.ts fails while the committed
 * codelets.ts differs from what this produces.
 *
 * Why generated code: V8 gives a JS FFT two costs that C does not have, a bounds check on every array
 * access and a register allocator that spills readily. Straight-line DFTs with constant twiddles
 * (1, -i and (1 - i)/sqrt 2 special-cased, signs propagated instead of negated) do the most arithmetic
 * per array access, and emitting each load just before its first use and each store as soon as its
 * value exists keeps the number of live values, hence spills, low. Measured on the MFCC case (512-point
 * real FFT) this layout beat radix-2/4 loops and fft.js; see bench/fft.bench.ts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A real scalar held in a local, possibly negated (the negation is folded into its consumer). */
interface Term {
  readonly v: string;
  readonly neg: boolean;
}

interface Cx {
  readonly re: Term;
  readonly im: Term;
}

const term = (v: string): Term => ({ v, neg: false });
const cx = (re: string, im: string): Cx => ({ re: term(re), im: term(im) });
const negate = (t: Term): Term => ({ v: t.v, neg: !t.neg });
const mulMinusI = (a: Cx): Cx => ({ re: a.im, im: negate(a.re) });
const signed = (t: Term): string => (t.neg ? `-${t.v}` : t.v);
/** `base + offset` as an int32 index expression; base and offset are names or literals, never expressions. */
function at(base: string, offset: string): string {
  if (offset === '' || offset === '0') return base;
  if (base === '0') return offset;
  return `(${base} + ${offset}) | 0`;
}

class Emitter {
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

function reverseBits(value: number, bits: number): number {
  let r = 0;
  for (let i = 0; i < bits; i++) r |= ((value >> i) & 1) << (bits - 1 - i);
  return r;
}

function indent(lines: readonly string[], depth: number): string {
  return lines.map((l) => `${' '.repeat(depth)}${l}`).join('\n');
}

function constants(prefix: string, count: number, unit: string): string[] {
  const lines: string[] = [];
  for (let k = 1; k < count; k++) lines.push(`const ${prefix}${k} = ${k === 1 ? unit : `${k} * ${unit}`};`);
  return lines;
}

type Source = 'packed' | 'split32' | 'split64';

/**
 * First pass: for block b, the size-point DFT of z[offsets[b] + s * stride], s = 0..size-1, written in
 * natural order to re/im[b * size ..]. The offsets are bit-reversed block numbers, which is what lets
 * the radix-4 passes after it run in place with no bit-reversal pass. `packed` reads
 * z[n] = x[2n] + i x[2n+1] straight from a real Float32Array frame; `split32` / `split64` read
 * z[n] = xr[n] + i xi[n] from a Float32Array / Float64Array pair (one function per type keeps every
 * array access monomorphic).
 */
function codelet(size: number, source: Source): string {
  const e = new Emitter();
  const packed = source === 'packed';
  const inputs: Cx[] = [];
  for (let s = 0; s < size; s++) {
    const input = cx(`x${s}r`, `x${s}i`);
    const off = s === 0 ? '' : `s${s}`;
    e.defer(input, packed
      ? [`const x${s}r = x[${at('p', off)}];`, `const x${s}i = x[${at('p1', off)}];`]
      : [`const x${s}r = xr[${at('p', off)}];`, `const x${s}i = xi[${at('p', off)}];`]);
    inputs.push(input);
  }
  e.dft(inputs, (k, c) => {
    const o = at('o', k === 0 ? '' : String(k));
    e.lines.push(`re[${o}] = ${signed(c.re)};`, `im[${o}] = ${signed(c.im)};`);
  });
  const head = packed ? ['const p = 2 * offsets[b]!;', 'const p1 = (p + 1) | 0;'] : ['const p = offsets[b]!;'];
  const name = { packed: 'Packed', split32: 'Split32', split64: 'Split64' }[source];
  const params = { packed: 'x: Float32Array', split32: 'xr: Float32Array, xi: Float32Array', split64: 'xr: Float64Array, xi: Float64Array' }[source];
  const what = { packed: 'a packed real frame', split32: 'float32 re/im arrays', split64: 'float64 re/im arrays' }[source];
  return `/** First pass of ${size}-point DFTs from ${what}. */
export function codelet${size}${name}(${params}, re: number[], im: number[], offsets: number[], ${size === 1 ? '_stride' : 'stride'}: number): void {
${indent(constants('s', size, packed ? '2 * stride' : 'stride'), 2)}${size === 1 ? '' : '\n'}  for (let b = 0, o = 0; b < offsets.length; b++, o = (o + ${size}) | 0) {
${indent([...head, ...e.lines], 4)}
  }
}
`;
}

/**
 * Emits one radix-r butterfly on the r sub-DFTs at `base + q{pos}` (sub-DFT r sits at the bit reversal
 * of r) and calls `sink` per output. Twiddles: none (j = 0), already in locals w{tag}{r}r/i ('locals'),
 * loaded from tw[index ..] just before first use, or `mirrorOf` another butterfly's tag: for the
 * butterfly at q - j, W^(r (q - j)) = W^(r q) conj(W^(r j)), which for radix 4 is a swap and sign change
 * of the twiddles butterfly j already loaded.
 */
function emitButterfly(e: Emitter, radix: number, base: string, tag: string, twiddles: 'none' | 'locals' | { index: string } | { mirrorOf: string }, sink: (l: number, c: Cx) => void): void {
  const bits = Math.round(Math.log2(radix));
  const inputs: Cx[] = [];
  for (let r = 0; r < radix; r++) {
    const pos = reverseBits(r, bits);
    const index = at(base, pos === 0 ? '' : `q${pos}`);
    const raw = cx(`a${tag}${r}r`, `a${tag}${r}i`);
    e.defer(raw, [`const a${tag}${r}r = re[${index}];`, `const a${tag}${r}i = im[${index}];`]);
    if (r === 0 || twiddles === 'none') {
      inputs.push(raw);
      continue;
    }
    let w = cx(`w${tag}${r}r`, `w${tag}${r}i`);
    if (typeof twiddles === 'object' && 'index' in twiddles) e.defer(w, twiddleLoad(tag, r, twiddles.index));
    if (typeof twiddles === 'object' && 'mirrorOf' in twiddles) w = mirrorTwiddle(cx(`w${twiddles.mirrorOf}${r}r`, `w${twiddles.mirrorOf}${r}i`), r, radix);
    inputs.push(e.lazyProduct(raw, w, `b${tag}${r}`));
  }
  e.dft(inputs, sink);
}

/** W^(r q) conj(w) for W^(r q) = exp(-2 pi i r / radix) in {1, -i, -1, i}; other radices would need products. */
function mirrorTwiddle(w: Cx, r: number, radix: number): Cx {
  const quarter = ((4 * r) / radix) % 4;
  if (!Number.isInteger(quarter)) throw new Error(`mirrored twiddles need radix 2 or 4, not ${radix}`);
  const conj = { re: w.re, im: negate(w.im) };
  // multiply conj(w) by (-i)^quarter
  return [conj, mulMinusI(conj), { re: negate(conj.re), im: negate(conj.im) }, mulMinusI({ re: negate(conj.re), im: negate(conj.im) })][quarter]!;
}

/** Loads twiddle W^(r j) of a butterfly whose twiddles start at tw[index]. */
function twiddleLoad(tag: string, r: number, index: string): string[] {
  return [`const w${tag}${r}r = tw[${at(index, String(2 * r - 2))}];`, `const w${tag}${r}i = tw[${at(index, String(2 * r - 1))}];`];
}

type PassOutput = 'inPlace' | 'to32' | 'to64';

function passButterfly(radix: number, plain: boolean, output: PassOutput): string[] {
  const e = new Emitter();
  emitButterfly(e, radix, 'i0', '', plain ? 'none' : 'locals', (l, c) => {
    const index = at('i0', l === 0 ? '' : `q${l}`);
    if (output === 'inPlace') {
      e.lines.push(`re[${index}] = ${signed(c.re)};`, `im[${index}] = ${signed(c.im)};`);
    } else {
      const scaled = (t: Term): string => `${t.v} * ${t.neg ? 'negScale' : 'scale'}`;
      e.lines.push(`outRe[${index}] = ${scaled(c.re)};`, `outIm[${index}] = ${scaled(c.im)};`);
    }
  });
  return e.lines;
}

/**
 * Radix-r decimation-in-time pass combining r sub-DFTs of q points into DFTs of r q points, in place
 * or (last pass of a complex transform) into typed output arrays times `scale`. The twiddle index j is
 * the outer loop so each twiddle is loaded once per pass, not once per group.
 */
function pass(radix: number, output: PassOutput): string {
  const step = 2 * (radix - 1);
  const plain = passButterfly(radix, true, output);
  const twiddled = passButterfly(radix, false, output);
  const type = output === 'to32' ? 'Float32Array' : 'Float64Array';
  const signature = output === 'inPlace'
    ? `pass${radix}(re: number[], im: number[], tw: number[], base: number, q: number, n: number)`
    : `pass${radix}${output === 'to32' ? 'To32' : 'To64'}(re: number[], im: number[], tw: number[], base: number, q: number, n: number, outRe: ${type}, outIm: ${type}, scale: number)`;
  const doc = output === 'inPlace'
    ? `In-place radix-${radix} pass over n points joining DFTs of q points; tw[base + ${step} j ..] = W^(r j), r = 1..${radix - 1}.`
    : `Radix-${radix} pass like pass${radix}, writing scale * result to ${type} outputs instead of in place.`;
  return `/** ${doc} */
export function ${signature}: void {
${indent([...constants('q', radix, 'q'), ...usedOnly(['const negScale = -scale;'], [...plain, ...twiddled])], 2)}
  const span = ${radix} * q;
  for (let i0 = 0; i0 < n; i0 = (i0 + span) | 0) {
${indent(plain, 4)}
  }
  for (let j = 1, t = (base + ${step}) | 0; j < q; j++, t = (t + ${step}) | 0) {
${indent(Array.from({ length: radix - 1 }, (_, r) => twiddleLoad('', r + 1, 't')).flat(), 4)}
    for (let i0 = j; i0 < n; i0 = (i0 + span) | 0) {
${indent(twiddled, 6)}
    }
  }
}
`;
}

type RealOutput = 'power' | 'spectrum';

/** The `const name = ...` declarations whose name the body uses (an unused local fails noUnusedLocals). */
function usedOnly(declarations: readonly string[], body: readonly string[]): string[] {
  const text = body.join('\n');
  return declarations.filter((d) => new RegExp(`\\b${/^const (\w+)/.exec(d)![1]}\\b`).test(text));
}

/** An output position k: `index` for the power spectrum, `twice` (= 2k) and `twice1` (= 2k + 1) for the interleaved spectrum and the twiddle table. */
interface Slot {
  readonly index: string;
  readonly twice: string;
  readonly twice1: string;
}

const slot = (base: string, off: number, twice: string, twice1: string): Slot => ({
  index: at(base, off === 0 ? '' : `q${off}`),
  twice: at(twice, off === 0 ? '' : `d${off}`),
  twice1: at(twice1, off === 0 ? '' : `d${off}`),
});

function emitOutput(e: Emitter, x: Cx, where: Slot, output: RealOutput): void {
  if (output === 'power') {
    e.lines.push(`out[${where.index}] = ${x.re.v} * ${x.re.v} + ${x.im.v} * ${x.im.v};`);
  } else {
    e.lines.push(`out[${where.twice}] = ${signed(x.re)};`, `out[${where.twice1}] = ${signed(x.im)};`);
  }
}

/**
 * Real-input split of a = Z[k], b = Z[m - k] (0 < k < m / 2) of the m-point FFT of the packed frame:
 * X[k] = E + P' and X[m - k] from E = (a + conj b) / 2, P' = -i W^k (a - conj b) / 2, W = exp(-i pi / m).
 * w = (c, s) = (cos(pi k / m) / 2, sin(pi k / m) / 2), from the table ptw[2k], ptw[2k + 1].
 */
/** The split twiddle (cos, sin)(pi k / m) / 2 of output slot k, loaded at first use. */
function splitTwiddle(e: Emitter, name: string, k: Slot): Cx {
  const w = cx(`c${name}`, `s${name}`);
  e.defer(w, [`const c${name} = ptw[${k.twice}];`, `const s${name} = ptw[${k.twice1}];`]);
  return w;
}

function emitSplit(e: Emitter, a: Cx, b: Cx, w: Cx, k: Slot, mirror: Slot, output: RealOutput): void {
  const c = w.re;
  const s = w.im;
  const er = e.scale(e.add(a.re, b.re), 0.5);
  const ei = e.scale(e.sub(a.im, b.im), 0.5);
  const or = e.sub(a.re, b.re);
  const oi = e.add(a.im, b.im);
  const pr = e.add(e.mul(or, c), e.mul(oi, s));
  const pi = e.sub(e.mul(oi, c), e.mul(or, s));
  emitOutput(e, { re: e.add(er, pi), im: e.sub(ei, pr) }, k, output);
  emitOutput(e, { re: e.sub(er, pi), im: negate(e.add(ei, pr)) }, mirror, output);
}

/**
 * Last radix-r pass of the m-point complex FFT of a packed real frame, fused with the real split:
 * butterflies j and q - j run together, so each pair X[k], X[m - k] is computed from registers and
 * the m-point intermediate spectrum is never stored and reloaded.
 */
function realFinal(radix: number, output: RealOutput): string {
  const half = radix / 2;
  const step = 2 * (radix - 1);

  // j = 0: outputs l q pair with (r - l) q; l = 0 gives DC and Nyquist, l = r / 2 is bin m / 2.
  const e0 = new Emitter();
  const zero: Cx[] = [];
  emitButterfly(e0, radix, '0', 'z', 'none', (l, c) => {
    zero[l] = c;
    if (l === 0) {
      const dc = e0.add(c.re, c.im);
      const nyquist = e0.sub(c.re, c.im);
      if (output === 'power') {
        e0.lines.push(`out[0] = ${dc.v} * ${dc.v};`, `out[m] = ${nyquist.v} * ${nyquist.v};`);
      } else {
        e0.lines.push(`out[0] = ${signed(dc)};`, 'out[1] = 0;', `out[2 * m] = ${signed(nyquist)};`, 'out[2 * m + 1] = 0;');
      }
    } else if (l === half) {
      emitOutput(e0, { re: c.re, im: negate(c.im) }, slot('0', half, '0', '1'), output);
    } else if (zero[radix - l]) {
      const lo = Math.min(l, radix - l);
      const k = slot('0', lo, '0', '1');
      emitSplit(e0, zero[lo]!, zero[radix - lo]!, splitTwiddle(e0, `z${lo}`, k), k, slot('0', radix - lo, '0', '1'), output);
    }
  });

  // j = q / 2: outputs h + l q pair with h + (r - 1 - l) q.
  const eh = new Emitter();
  const mid: Cx[] = [];
  emitButterfly(eh, radix, 'h', 'h', { index: 'th' }, (l, c) => {
    mid[l] = c;
    const partner = radix - 1 - l;
    if (!mid[partner]) return;
    const lo = Math.min(l, partner);
    const k = slot('h', lo, 'hd', 'hd1');
    emitSplit(eh, mid[lo]!, mid[radix - 1 - lo]!, splitTwiddle(eh, `h${lo}`, k), k, slot('h', radix - 1 - lo, 'hd', 'hd1'), output);
  });

  // 0 < j < q / 2, i = q - j: X[j + l q] pairs with X[i + (r - 1 - l) q]. Angle symmetry halves the
  // table loads: the split twiddle of i + l q is that of j + (r/2 - 1 - l) q with cos and sin swapped
  // (pi/2 - angle), and butterfly i's twiddles are butterfly j's mirrored.
  const ep = new Emitter();
  const left: Cx[] = [];
  const splits: Cx[] = [];
  for (let l = 0; l < half; l++) splits.push(splitTwiddle(ep, `j${l}`, slot('j', l, 'jd', 'jd1')));
  const swapped = (w: Cx): Cx => ({ re: w.im, im: w.re });
  emitButterfly(ep, radix, 'j', 'j', { index: 't' }, (l, c) => void (left[l] = c));
  emitButterfly(ep, radix, 'i', 'i', { mirrorOf: 'j' }, (l, c) => {
    const partner = radix - 1 - l;
    if (l < half) {
      emitSplit(ep, c, left[partner]!, swapped(splits[half - 1 - l]!), slot('i', l, 'id', 'id1'), slot('j', partner, 'jd', 'jd1'), output);
    } else {
      emitSplit(ep, left[partner]!, c, splits[partner]!, slot('j', partner, 'jd', 'jd1'), slot('i', l, 'id', 'id1'), output);
    }
  });

  const doubled = usedOnly(Array.from({ length: radix - 1 }, (_, l) => `const d${l + 1} = 2 * q${l + 1};`), [...e0.lines, ...eh.lines, ...ep.lines]);
  return `/** Last radix-${radix} pass of the m = ${radix} q point FFT of a packed real frame, fused with the real split into ${output === 'power' ? 'the power spectrum' : 'the interleaved half spectrum'}. */
export function realFinal${radix}${output === 'power' ? 'Power' : 'Spectrum'}(re: number[], im: number[], tw: number[], base: number, q: number, ptw: number[], out: Float32Array): void {
${indent([...constants('q', radix, 'q'), ...doubled, `const m = ${radix} * q;`], 2)}
  {
${indent(e0.lines, 4)}
  }
  if (q < 2) return;
  {
    const h = q >> 1;
${indent(usedOnly(['const hd = 2 * h;', 'const hd1 = (hd + 1) | 0;'], eh.lines), 4)}
    const th = (base + ${step} * h) | 0;
${indent(eh.lines, 4)}
  }
  for (let j = 1, i = (q - 1) | 0, t = (base + ${step}) | 0; j < i; j++, i--, t = (t + ${step}) | 0) {
${indent(usedOnly(['const jd = 2 * j;', 'const jd1 = (jd + 1) | 0;', 'const id = 2 * i;', 'const id1 = (id + 1) | 0;'], ep.lines), 4)}
${indent(ep.lines, 4)}
  }
}
`;
}

/** Codelet sizes, pass radices and fused real radices that the engine's factor plan uses (see complex-core.ts). */
export const CODELET_SIZES = [1, 2, 4, 8, 16] as const;
export const PASS_RADIX = 4;

/** The full text of codelets.ts. */
export function codeletSource(): string {
  const parts = [
    '/* Generated by generate-codelets.ts (npx tsx packages/dsp/src/fft/generate-codelets.ts): do not edit. */',
    '',
  ];
  for (const source of ['packed', 'split32', 'split64'] as const) {
    for (const size of CODELET_SIZES) parts.push(codelet(size, source));
  }
  for (const output of ['inPlace', 'to32', 'to64'] as const) parts.push(pass(PASS_RADIX, output));
  parts.push(realFinal(PASS_RADIX, 'power'), realFinal(PASS_RADIX, 'spectrum'));
  return parts.join('\n');
}

/** Path of the generated file beside this generator. */
export const CODELETS_PATH = fileURLToPath(new URL('./codelets.ts', import.meta.url));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(CODELETS_PATH, codeletSource());
  console.log(`wrote ${CODELETS_PATH}`);
}
