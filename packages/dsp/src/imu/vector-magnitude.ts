import { ParameterError } from '../errors.js';
import { describe, type Described } from '../plan.js';
import { rejectUnknownOptions, requireInteger } from '../validate.js';

export interface VectorMagnitudeOptions {
  /** interleaved channels of the input, >= 3 (3: accelerometer; 6: accelerometer + gyroscope) */
  channels: number;
  /** first of the three consecutive axis channels; default 0 (3 picks the gyroscope of a 6-axis stream) */
  offset?: number;
}

export interface VectorMagnitudePlan extends Described<Required<VectorMagnitudeOptions>> {
  readonly channels: number;
  readonly offset: number;
}

const BLOCK = 'vectorMagnitude';

/**
 * Plans the Euclidean norm of a 3-axis vector per sample frame (units of the input: g, deg/s).
 * @example
 * const plan = createVectorMagnitudePlan({ channels: 6, offset: 0 });
 * computeVectorMagnitude(plan, imuSamples, out); // out.length = imuSamples.length / 6
 */
export function createVectorMagnitudePlan(options: VectorMagnitudeOptions): VectorMagnitudePlan {
  rejectUnknownOptions(BLOCK, options, ['channels', 'offset']);
  const channels = requireInteger(BLOCK, 'channels', options.channels, 3, 1024);
  const offset = requireInteger(BLOCK, 'offset', options.offset ?? 0, 0, 1021);
  if (offset + 3 > channels) throw new ParameterError(BLOCK, 'offset', offset, `an integer in 0..${channels - 3} for ${channels} channels`);
  return { description: describe(BLOCK, 1, { channels, offset }), channels, offset };
}

/** out[n] = sqrt(x^2 + y^2 + z^2) of frame n's axes `offset..offset+2`; one output per interleaved frame. No allocation. */
export function computeVectorMagnitude(plan: VectorMagnitudePlan, input: Float32Array, out: Float32Array): void {
  const { channels, offset } = plan;
  const frames = input.length / channels;
  for (let n = 0, at = offset; n < frames; n++, at += channels) {
    const x = input[at]!;
    const y = input[at + 1]!;
    const z = input[at + 2]!;
    out[n] = Math.sqrt(x * x + y * y + z * z);
  }
}
