import type { Random } from '@sensorkit/dsp';
import { apply, fromRotationVector, type Vec3 } from '../generator/rotation.js';
import { toFixedLength } from './fixed-length.js';

/** How much each augmentation may change a window (0 turns it off). */
export interface AugmentOptions {
  /** largest local speed change of the time warp, as a fraction (default 0.15) */
  warp?: number;
  /** largest shift of the window in time, fraction of its length (default 0.15: sliding windows see gestures anywhere) */
  shift?: number;
  /** largest rotation of the sensor, degrees (default 12): the board strapped on a little differently */
  rotate?: number;
  /** largest gain change, fraction (default 0.1) */
  scale?: number;
  /** noise added: g on accelerometer channels, 50x that in deg/s on gyroscope channels (default 0.01) */
  noise?: number;
}

const DEG = Math.PI / 180;
// deg/s of gyroscope noise per g of accelerometer noise: their typical noise floors differ by about this.
const GYRO_PER_ACCEL_NOISE = 50;

/**
 * A new training window from a recorded segment: a smooth random time warp and shift, one random
 * rotation applied to the accelerometer and the gyroscope triplets alike (a rotated board sees both
 * rotated), a gain change, and noise. The result has `length` frames, like every model input.
 * @example
 * const extra = augmentWindow(segment, 6, 64, createRandom(1));
 */
export function augmentWindow(segment: Float32Array, channels: number, length: number, random: Random, options: AugmentOptions = {}): Float32Array {
  const warp = options.warp ?? 0.15;
  const shift = options.shift ?? 0.15;
  const rotate = (options.rotate ?? 12) * DEG;
  const scale = options.scale ?? 0.1;
  const noise = options.noise ?? 0.01;
  const between = (spread: number): number => (random.uniform() * 2 - 1) * spread;
  // u + a sin(pi u) / pi has slope 1 + a cos(pi u) in [1 - a, 1 + a]: monotonic for a < 1, ends fixed.
  const a = between(warp);
  const offset = between(shift);
  const out = toFixedLength(segment, channels, length, (u) => u + (a * Math.sin(Math.PI * u)) / Math.PI + offset);
  const rotation = fromRotationVector([between(rotate), between(rotate), between(rotate)]);
  const gain = 1 + between(scale);
  for (let i = 0; i < length; i++) {
    for (let group = 0; group + 3 <= channels; group += 3) {
      const at = i * channels + group;
      const v: Vec3 = apply(rotation, [out[at]!, out[at + 1]!, out[at + 2]!]);
      const sigma = group === 0 ? noise : noise * GYRO_PER_ACCEL_NOISE;
      for (let k = 0; k < 3; k++) out[at + k] = v[k]! * gain + sigma * random.gaussian();
    }
  }
  return out;
}
