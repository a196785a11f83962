import { ComplexCore, finishTo, firstPassSplit, runPasses } from './complex-core.js';
import { RealCore } from './real-core.js';

/** Float32Array or Float64Array: what the complex transforms accept and write. */
export type FloatArray = Float32Array | Float64Array;

/**
 * Engine state of one FFT plan: the real-transform core (built at plan time) and the complex core of
 * the same size, built on the first complex transform so that real-only plans (the MFCC case) do not
 * pay for its tables. Holds scratch: one engine serves one caller at a time.
 */
export class FftCore {
  readonly real: RealCore;
  private complexCore: ComplexCore | null = null;

  constructor(readonly size: number) {
    this.real = new RealCore(size);
  }

  /** The size-point complex core (allocated once, on first use). */
  complex(): ComplexCore {
    if (this.complexCore === null) this.complexCore = new ComplexCore(this.size);
    return this.complexCore;
  }
}

/**
 * Complex DFT of re + i im into outRe + i outIm (which may be the input arrays: the first pass reads all
 * of the input before anything is written). The inverse, scaled by 1/size, is computed on the same
 * forward core as swap(DFT(swap(z))) / size with swap(a + ib) = b + ia, where a swap is only a change
 * of which array is read or written.
 */
export function complexTransform(core: ComplexCore, re: FloatArray, im: FloatArray, outRe: FloatArray, outIm: FloatArray, inverse: boolean): void {
  firstPassSplit(core, inverse ? im : re, inverse ? re : im);
  runPasses(core, 0, core.quarters.length - 1);
  finishTo(core, inverse ? outIm : outRe, inverse ? outRe : outIm, inverse ? 1 / core.size : 1);
}
