import type { SampleChunk } from '../../chunk.js';
import { InputError } from '../../errors.js';

/** A designed filter only means what it says at the rate it was designed for. */
export function requireRate(block: string, first: SampleChunk, sampleRate: number): void {
  if (first.sampleRate !== sampleRate) {
    throw new InputError(block, `chunk sample rate ${first.sampleRate} Hz; the filter was designed for ${sampleRate} Hz`, first.index);
  }
}
