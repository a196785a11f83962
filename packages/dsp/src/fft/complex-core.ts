import {
  codelet16Packed,
  codelet16Packed64,
  codelet16Split32,
  codelet16Split64,
  codelet1Packed,
  codelet1Packed64,
  codelet1Split32,
  codelet1Split64,
  codelet2Packed,
  codelet2Packed64,
  codelet2Split32,
  codelet2Split64,
  codelet4Packed,
  codelet4Packed64,
  codelet4Split32,
  codelet4Split64,
  codelet8Packed,
  codelet8Packed64,
  codelet8Split32,
  codelet8Split64,
  pass4,
  pass4To32,
  pass4To64,
} from './codelets.gen.js';

/**
 * Tables and scratch of an in-place complex DFT of `size` points (a power of two, 1..65536), float64
 * throughout: a first pass of straight-line codelets that reads the input in bit-reversed block order,
 * then radix-4 decimation-in-time passes.
 *
 * Internal arrays are plain `number[]` holding doubles (V8's PACKED_DOUBLE_ELEMENTS), not Float64Array:
 * their element access compiles to fewer instructions, and measured ~10-20% faster in these kernels.
 */
export class ComplexCore {
  readonly size: number;
  /** points per first-pass codelet */
  readonly codelet: number;
  /** first input point of each codelet: the bit reversal of its block number */
  readonly offsets: number[];
  /** distance in points between the inputs of one codelet (= number of codelets) */
  readonly stride: number;
  /** q of each radix-4 pass: it joins four DFTs of q points into one of 4q */
  readonly quarters: number[];
  /** start of each pass's twiddles in `twiddles` */
  readonly bases: number[];
  /** per pass, per j in 0..q-1: W^j, W^2j, W^3j as (re, im), W = exp(-2 pi i / 4q) */
  readonly twiddles: number[];
  /** transform output, also the passes' working storage */
  readonly re: number[];
  readonly im: number[];
  /** natural-order float64 input for transforms whose input is computed (inverse real) or mixed-type */
  readonly stageRe: Float64Array;
  readonly stageIm: Float64Array;

  constructor(size: number) {
    const bits = Math.round(Math.log2(size));
    this.size = size;
    this.codelet = codeletSize(bits);
    const codeletBits = Math.round(Math.log2(this.codelet));
    this.stride = size / this.codelet;
    this.offsets = [];
    for (let b = 0; b < this.stride; b++) this.offsets.push(reverseBits(b, bits - codeletBits));
    this.quarters = [];
    this.bases = [];
    let length = 0;
    for (let q = this.codelet; q < size; q *= 4) {
      this.quarters.push(q);
      this.bases.push(length);
      length += 6 * q;
    }
    this.twiddles = doubles(length);
    let t = 0;
    for (const q of this.quarters) {
      for (let j = 0; j < q; j++) {
        for (let r = 1; r < 4; r++) {
          const angle = (-2 * Math.PI * r * j) / (4 * q);
          this.twiddles[t++] = Math.cos(angle);
          this.twiddles[t++] = Math.sin(angle);
        }
      }
    }
    this.re = doubles(size);
    this.im = doubles(size);
    this.stageRe = new Float64Array(size);
    this.stageIm = new Float64Array(size);
  }
}

/**
 * Codelet size for a 2^bits-point transform. The rest is radix-4 passes, so the codelet takes the odd
 * bit when there is one. 8- and 16-point codelets measured fastest (larger ones spill registers).
 */
function codeletSize(bits: number): number {
  if (bits <= 4) return 1 << bits;
  return (bits - 3) % 2 === 0 ? 8 : 16;
}

/** A zeroed array that V8 stores as unboxed doubles (pushing doubles keeps it packed, never holey). */
export function doubles(length: number): number[] {
  const a: number[] = [];
  for (let i = 0; i < length; i++) a.push(0.5);
  a.fill(0);
  return a;
}

function reverseBits(value: number, bits: number): number {
  let r = 0;
  for (let i = 0; i < bits; i++) r |= ((value >> i) & 1) << (bits - 1 - i);
  return r;
}

/**
 * DFT of z[n] = x[2n] + i x[2n+1], n = 0..size-1, into core.re / core.im, running only the first
 * `passes` radix-4 passes (the real transform fuses the last one with its split).
 */
export function forwardPacked(core: ComplexCore, x: Float32Array | Float64Array, passes: number): void {
  const { re, im, offsets, stride } = core;
  if (x instanceof Float64Array) {
    switch (core.codelet) {
      case 16:
        codelet16Packed64(x, re, im, offsets, stride);
        break;
      case 8:
        codelet8Packed64(x, re, im, offsets, stride);
        break;
      case 4:
        codelet4Packed64(x, re, im, offsets, stride);
        break;
      case 2:
        codelet2Packed64(x, re, im, offsets, stride);
        break;
      default:
        codelet1Packed64(x, re, im, offsets, stride);
    }
    return runPasses(core, 0, passes);
  }
  switch (core.codelet) {
    case 16:
      codelet16Packed(x, re, im, offsets, stride);
      break;
    case 8:
      codelet8Packed(x, re, im, offsets, stride);
      break;
    case 4:
      codelet4Packed(x, re, im, offsets, stride);
      break;
    case 2:
      codelet2Packed(x, re, im, offsets, stride);
      break;
    default:
      codelet1Packed(x, re, im, offsets, stride);
  }
  runPasses(core, 0, passes);
}

/** First pass from split input xr + i xi (both Float32Array or both Float64Array) into core.re / core.im. */
export function firstPassSplit(core: ComplexCore, xr: Float32Array | Float64Array, xi: Float32Array | Float64Array): void {
  const { re, im, offsets, stride } = core;
  if (xr instanceof Float32Array && xi instanceof Float32Array) {
    switch (core.codelet) {
      case 16:
        return codelet16Split32(xr, xi, re, im, offsets, stride);
      case 8:
        return codelet8Split32(xr, xi, re, im, offsets, stride);
      case 4:
        return codelet4Split32(xr, xi, re, im, offsets, stride);
      case 2:
        return codelet2Split32(xr, xi, re, im, offsets, stride);
      default:
        return codelet1Split32(xr, xi, re, im, offsets, stride);
    }
  }
  if (!(xr instanceof Float64Array && xi instanceof Float64Array)) {
    // one float32 and one float64 array: stage both as float64
    core.stageRe.set(xr);
    core.stageIm.set(xi);
    return firstPassSplit(core, core.stageRe, core.stageIm);
  }
  switch (core.codelet) {
    case 16:
      return codelet16Split64(xr, xi, re, im, offsets, stride);
    case 8:
      return codelet8Split64(xr, xi, re, im, offsets, stride);
    case 4:
      return codelet4Split64(xr, xi, re, im, offsets, stride);
    case 2:
      return codelet2Split64(xr, xi, re, im, offsets, stride);
    default:
      return codelet1Split64(xr, xi, re, im, offsets, stride);
  }
}

/** Runs the radix-4 passes number `from` .. `to` - 1 in place on core.re / core.im. */
export function runPasses(core: ComplexCore, from: number, to: number): void {
  const { re, im, twiddles, quarters, bases, size } = core;
  for (let p = from; p < to; p++) pass4(re, im, twiddles, bases[p]!, quarters[p]!, size);
}

/**
 * Finishes a transform whose first pass and all passes but the last have run: writes scale times the
 * result into outRe / outIm (the last pass writes them directly when both have the same type).
 */
export function finishTo(core: ComplexCore, outRe: Float32Array | Float64Array, outIm: Float32Array | Float64Array, scale: number): void {
  const last = core.quarters.length - 1;
  const { re, im, twiddles, size } = core;
  if (last >= 0 && outRe instanceof Float32Array && outIm instanceof Float32Array) {
    pass4To32(re, im, twiddles, core.bases[last]!, core.quarters[last]!, size, outRe, outIm, scale);
  } else if (last >= 0 && outRe instanceof Float64Array && outIm instanceof Float64Array) {
    pass4To64(re, im, twiddles, core.bases[last]!, core.quarters[last]!, size, outRe, outIm, scale);
  } else {
    if (last >= 0) runPasses(core, last, last + 1);
    for (let i = 0; i < size; i++) {
      outRe[i] = scale * re[i]!;
      outIm[i] = scale * im[i]!;
    }
  }
}
