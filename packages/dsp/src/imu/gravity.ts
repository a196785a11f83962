import { ParameterError } from '../errors.js';
import { describe, type Described } from '../plan.js';
import { rejectUnknownOptions, requireBelowNyquist, requireInRange, requireInteger, requireOneOf, requirePositive } from '../validate.js';

export const GRAVITY_MODES = ['lowpass', 'gyro'] as const;
export type GravityMode = (typeof GRAVITY_MODES)[number];
export const GRAVITY_OUTPUTS = ['both', 'gravity', 'linear'] as const;
export type GravityOutput = (typeof GRAVITY_OUTPUTS)[number];

export interface GravityOptions {
  /** Hz */
  sampleRate: number;
  /** 3 (accelerometer x, y, z in g) or 6 (then gyroscope x, y, z in deg/s) interleaved channels */
  channels: number;
  /** 'gyro' (default with 6 channels): rotate the estimate with the gyroscope, then pull it towards the
   * accelerometer; 'lowpass' (default with 3): one-pole low-pass of the accelerometer */
  mode?: GravityMode;
  /** Hz: crossover of the pull towards the accelerometer; default 0.3. Exclusive with `blend`. */
  cutoff?: number;
  /** per-sample weight of the accelerometer in (0, 1], instead of `cutoff` */
  blend?: number;
  /** 'both' (default): gravity x, y, z then linear x, y, z (6 channels); 'gravity' or 'linear': 3 channels */
  output?: GravityOutput;
}

type Resolved = Required<Omit<GravityOptions, 'cutoff' | 'blend'>> & { cutoff?: number; blend?: number };

export interface GravityPlan extends Described<Resolved> {
  readonly channels: 3 | 6;
  readonly mode: GravityMode;
  readonly output: GravityOutput;
  readonly outputChannels: 3 | 6;
  /** weight of the accelerometer per sample: blend, or 1 - exp(-2 pi cutoff / sampleRate) */
  readonly weight: number;
  /** seconds per sample */
  readonly dt: number;
}

const BLOCK = 'gravity';

/**
 * Plans the split of accelerometer readings into gravity and linear acceleration (both in g).
 * @example
 * const plan = createGravityPlan({ sampleRate: 100, channels: 6 }); // accel (g) + gyro (deg/s), fused
 * const split = new GravitySplitter(plan);
 * split.process(imu, out); // out: gx gy gz lx ly lz per sample
 */
export function createGravityPlan(options: GravityOptions): GravityPlan {
  rejectUnknownOptions(BLOCK, options, ['sampleRate', 'channels', 'mode', 'cutoff', 'blend', 'output']);
  const sampleRate = requirePositive(BLOCK, 'sampleRate', options.sampleRate);
  const channels = requireInteger(BLOCK, 'channels', options.channels, 3, 6);
  if (channels !== 3 && channels !== 6) throw new ParameterError(BLOCK, 'channels', channels, '3 (accelerometer) or 6 (accelerometer + gyroscope)');
  const mode = requireOneOf(BLOCK, 'mode', options.mode ?? (channels === 6 ? 'gyro' : 'lowpass'), GRAVITY_MODES);
  if (mode === 'gyro' && channels !== 6) throw new ParameterError(BLOCK, 'mode', mode, `'lowpass' for 3 channels ('gyro' needs 6: accelerometer + gyroscope)`);
  const output = requireOneOf(BLOCK, 'output', options.output ?? 'both', GRAVITY_OUTPUTS);
  let weight: number;
  let resolved: Resolved;
  if (options.blend !== undefined) {
    if (options.cutoff !== undefined) throw new ParameterError(BLOCK, 'cutoff', options.cutoff, 'no cutoff together with blend');
    weight = requireInRange(BLOCK, 'blend', options.blend, 0, 1, { minExclusive: true });
    resolved = { sampleRate, channels, mode, output, blend: weight };
  } else {
    const cutoff = requireBelowNyquist(BLOCK, 'cutoff', options.cutoff ?? 0.3, sampleRate);
    weight = 1 - Math.exp((-2 * Math.PI * cutoff) / sampleRate);
    resolved = { sampleRate, channels, mode, output, cutoff };
  }
  return {
    description: describe(BLOCK, 1, resolved),
    channels: channels as 3 | 6,
    mode,
    output,
    outputChannels: output === 'both' ? 6 : 3,
    weight,
    dt: 1 / sampleRate,
  };
}
