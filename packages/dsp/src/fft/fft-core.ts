import { ComplexCore, forwardStaged } from './complex-core.js';
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
 * Complex DFT of re + i im into outRe + i outIm (which may be the input arrays). The inverse, scaled by
 * 1/size, is computed as swap(DFT(swap(z))) / size with swap(a + ib) = b + ia, on the same forward core.
 */
export function complexTransform(core: ComplexCore, re: FloatArray, im: FloatArray, outRe: FloatArray, outIm: FloatArray, inverse: boolean): void {
  const n = core.size;
  const sr = core.stageRe, si = core.stageIm;
  if (inverse) {
    const scale = 1 / n;
    for (let i = 0; i < n; i++) {
      sr[i] = im[i]! * scale;
      si[i] = re[i]! * scale;
    }
  } else {
    for (let i = 0; i < n; i++) {
      sr[i] = re[i]!;
      si[i] = im[i]!;
    }
  }
  forwardStaged(core);
  const a = inverse ? core.im : core.re;
  const b = inverse ? core.re : core.im;
  for (let i = 0; i < n; i++) {
    outRe[i] = a[i]!;
    outIm[i] = b[i]!;
  }
}
