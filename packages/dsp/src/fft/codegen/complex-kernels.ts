/* Generated kernels of the complex engine: first-pass codelets and radix-r passes (see ../generate-codelets.ts). */
import { at, constants, cx, Emitter, indent, mulMinusI, negate, reverseBits, signed, usedOnly, type Cx, type Term } from './emitter.js';

export type Source = 'packed' | 'packed64' | 'split32' | 'split64';

/**
 * First pass: for block b, the size-point DFT of z[offsets[b] + s * stride], s = 0..size-1, written in
 * natural order to re/im[b * size ..]. The offsets are bit-reversed block numbers, which is what lets
 * the radix-4 passes after it run in place with no bit-reversal pass. `packed` / `packed64` read
 * z[n] = x[2n] + i x[2n+1] straight from a real Float32Array / Float64Array frame; `split32` / `split64` read
 * z[n] = xr[n] + i xi[n] from a Float32Array / Float64Array pair (one function per type keeps every
 * array access monomorphic).
 */
export function codelet(size: number, source: Source): string {
  const e = new Emitter();
  const packed = source === 'packed' || source === 'packed64';
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
  const name = { packed: 'Packed', packed64: 'Packed64', split32: 'Split32', split64: 'Split64' }[source];
  const params = {
    packed: 'x: Float32Array',
    packed64: 'x: Float64Array',
    split32: 'xr: Float32Array, xi: Float32Array',
    split64: 'xr: Float64Array, xi: Float64Array',
  }[source];
  const what = {
    packed: 'a packed real frame',
    packed64: 'a packed real float64 frame',
    split32: 'float32 re/im arrays',
    split64: 'float64 re/im arrays',
  }[source];
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
export function emitButterfly(e: Emitter, radix: number, base: string, tag: string, twiddles: 'none' | 'locals' | { index: string } | { mirrorOf: string }, sink: (l: number, c: Cx) => void): void {
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
export function twiddleLoad(tag: string, r: number, index: string): string[] {
  return [`const w${tag}${r}r = tw[${at(index, String(2 * r - 2))}];`, `const w${tag}${r}i = tw[${at(index, String(2 * r - 1))}];`];
}

export type PassOutput = 'inPlace' | 'to32' | 'to64';

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
export function pass(radix: number, output: PassOutput): string {
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

