import {
  codelet16Packed,
  codelet16Split,
  codelet1Packed,
  codelet1Split,
  codelet2Packed,
  codelet2Split,
  codelet4Packed,
  codelet4Split,
  codelet8Packed,
  codelet8Split,
  pass4,
} from './codelets.js';

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
  /** natural-order input of `forwardStaged` */
  readonly stageRe: number[];
  readonly stageIm: number[];

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
    this.twiddles = [];
    for (let q = this.codelet; q < size; q *= 4) {
      this.quarters.push(q);
      this.bases.push(this.twiddles.length);
      for (let j = 0; j < q; j++) {
        for (let r = 1; r < 4; r++) {
          const angle = (-2 * Math.PI * r * j) / (4 * q);
          this.twiddles.push(Math.cos(angle), Math.sin(angle));
        }
      }
    }
    this.re = doubles(size);
    this.im = doubles(size);
    this.stageRe = doubles(size);
    this.stageIm = doubles(size);
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
export function forwardPacked(core: ComplexCore, x: Float32Array, passes: number): void {
  const { re, im, offsets, stride } = core;
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
  runPasses(core, passes);
}

/** DFT of core.stageRe + i core.stageIm into core.re / core.im. */
export function forwardStaged(core: ComplexCore): void {
  const { re, im, stageRe, stageIm, offsets, stride } = core;
  switch (core.codelet) {
    case 16:
      codelet16Split(stageRe, stageIm, re, im, offsets, stride);
      break;
    case 8:
      codelet8Split(stageRe, stageIm, re, im, offsets, stride);
      break;
    case 4:
      codelet4Split(stageRe, stageIm, re, im, offsets, stride);
      break;
    case 2:
      codelet2Split(stageRe, stageIm, re, im, offsets, stride);
      break;
    default:
      codelet1Split(stageRe, stageIm, re, im, offsets, stride);
  }
  runPasses(core, core.quarters.length);
}

function runPasses(core: ComplexCore, passes: number): void {
  const { re, im, twiddles, quarters, bases, size } = core;
  for (let p = 0; p < passes; p++) pass4(re, im, twiddles, bases[p]!, quarters[p]!, size);
}
