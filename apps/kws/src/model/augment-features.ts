import { createRandom } from '@sensorkit/dsp';

export interface FeatureAugmentOptions {
  /** augmented copies of each window added to the originals */
  copies: number;
  /** most frames a copy is shifted by, either way (default 5 = 100 ms) */
  maxShift?: number;
  /** most consecutive frames set to the mean (default 8) */
  maxTimeMask?: number;
  /** most consecutive coefficients set to the mean (default 2) */
  maxFeatureMask?: number;
  seed: number;
}

/**
 * SpecAugment-style copies of normalised windows (frame-major, frames x width each): every copy shifted
 * in time (edge frames repeated), one run of frames and one run of coefficients set to 0 (the mean after
 * normalisation). Synthesized voices are few and distinct, so without it the network learns the training
 * voices rather than the words. Returns originals then copies, and the labels repeated to match.
 */
export function augmentWindows(x: Float32Array, y: Int32Array, frames: number, width: number, options: FeatureAugmentOptions): { x: Float32Array; y: Int32Array } {
  const size = frames * width;
  const count = y.length;
  const random = createRandom(options.seed);
  const draw = (max: number): number => Math.floor(random.uniform() * (max + 1));
  const outX = new Float32Array(x.length * (options.copies + 1));
  const outY = new Int32Array(count * (options.copies + 1));
  outX.set(x);
  outY.set(y);
  for (let k = 1; k <= options.copies; k++) {
    for (let n = 0; n < count; n++) {
      const src = x.subarray(n * size, (n + 1) * size);
      const dst = outX.subarray((k * count + n) * size, (k * count + n + 1) * size);
      const shift = draw(2 * (options.maxShift ?? 5)) - (options.maxShift ?? 5);
      for (let f = 0; f < frames; f++) {
        const from = Math.min(frames - 1, Math.max(0, f - shift));
        dst.set(src.subarray(from * width, (from + 1) * width), f * width);
      }
      const tLength = draw(options.maxTimeMask ?? 8);
      const tStart = draw(frames - tLength);
      dst.fill(0, tStart * width, (tStart + tLength) * width);
      const fLength = draw(options.maxFeatureMask ?? 2);
      const fStart = draw(width - fLength);
      for (let f = 0; f < frames; f++) dst.fill(0, f * width + fStart, f * width + fStart + fLength);
      outY[k * count + n] = y[n]!;
    }
  }
  return { x: outX, y: outY };
}
