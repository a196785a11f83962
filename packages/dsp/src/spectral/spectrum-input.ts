import type { Frame } from '../chunk.js';
import { InputError } from '../errors.js';

/**
 * Checks a spectrum frame before a spectral operator uses it: the signal rate the features are planned
 * for (when given) and bins that are finite and >= 0, as power and magnitude are. Frame length and
 * channel count are checked by mapFrames.
 */
export function assertSpectrum(block: string, frame: Frame, sampleRate?: number): void {
  if (sampleRate !== undefined && frame.sampleRate !== sampleRate) {
    throw new InputError(block, `spectrum of a ${frame.sampleRate} Hz signal; the plan expects ${sampleRate} Hz`, frame.index);
  }
  const data = frame.data;
  for (let k = 0; k < data.length; k++) {
    const v = data[k]!;
    // v - v !== 0 catches NaN and ±Infinity with one comparison.
    if (v - v !== 0 || v < 0) {
      throw new InputError(block, `bin ${k} of the spectrum of the frame at sample ${frame.index} is ${v}; expected a finite number >= 0`, frame.index);
    }
  }
}
