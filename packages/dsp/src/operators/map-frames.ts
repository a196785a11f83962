import { map, type OperatorFunction } from 'rxjs';
import type { Frame } from '../chunk.js';
import { InputError } from '../errors.js';

/**
 * Stateless per-frame block as an operator: `core(input, out)` writes `outLength` values. Each emitted
 * frame gets a fresh array, so consumers may keep frames; the core itself never allocates.
 */
export function mapFrames(
  block: string,
  inputLength: number,
  outLength: number,
  core: (input: Float32Array, out: Float32Array) => void,
): OperatorFunction<Frame, Frame> {
  return map((frame: Frame): Frame => {
    if (frame.channels !== 1 || frame.data.length !== inputLength) {
      throw new InputError(
        block,
        `frame of ${frame.data.length} values x ${frame.channels} channel(s); expected ${inputLength} values x 1 channel`,
        frame.index,
      );
    }
    const out = new Float32Array(outLength);
    core(frame.data, out);
    return { data: out, index: frame.index, sampleRate: frame.sampleRate, channels: 1 };
  });
}
