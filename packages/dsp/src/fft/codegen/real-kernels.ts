/* Generated kernel of the real transform: the last radix-r pass fused with the real split (see ../generate-codelets.ts). */
import { emitButterfly } from './complex-kernels.js';
import { at, constants, cx, Emitter, indent, negate, signed, usedOnly, type Cx } from './emitter.js';

/** the power spectrum (float32), or the interleaved half spectrum as float32 or float64 */
export type RealOutput = 'power' | 'spectrum' | 'spectrum64';

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
export function realFinal(radix: number, output: RealOutput): string {
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
  const what = { power: 'the power spectrum', spectrum: 'the interleaved half spectrum', spectrum64: 'the interleaved float64 half spectrum' }[output];
  const name = { power: 'Power', spectrum: 'Spectrum', spectrum64: 'Spectrum64' }[output];
  return `/** Last radix-${radix} pass of the m = ${radix} q point FFT of a packed real frame, fused with the real split into ${what}. */
export function realFinal${radix}${name}(re: number[], im: number[], tw: number[], base: number, q: number, ptw: number[], out: ${output === 'spectrum64' ? 'Float64Array' : 'Float32Array'}): void {
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

