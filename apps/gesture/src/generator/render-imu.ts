import { ParameterError, requirePositive, type Random } from '@sensorkit/dsp';
import type { Motion } from './motions.js';
import type { Person } from './person.js';
import { apply, IDENTITY, mul, rotZ, toRotationVector, transpose, type Mat3, type Vec3 } from './rotation.js';

/** A motion placed on a timeline: it runs from `start` s for its duration. */
export interface PlacedMotion {
  readonly motion: Motion;
  readonly start: number;
}

export interface RenderOptions {
  /** Hz */
  sampleRate: number;
  /** seconds rendered */
  duration: number;
  /** accelerometer full scale, g (default 4, as the LSM9DS1 of the Arduino Nano 33 BLE): readings clip there */
  accelRange?: number;
  /** gyroscope full scale, deg/s (default 2000) */
  gyroRange?: number;
}

/** Standard gravity, m/s^2: accelerations in m/s^2 become g. */
const G0 = 9.80665;
// Step of the central differences: small against the fastest motion (6 Hz shake), large against rounding.
const H = 1e-3;
const RAD_TO_DEG = 180 / Math.PI;

/**
 * Renders motions worn by `person` as 6-axis IMU readings, interleaved aX,aY,aZ (g), gX,gY,gZ (deg/s).
 * The accelerometer measures specific force in the sensor frame: the hand's acceleration plus 1 g
 * upward, rotated by the wrist's orientation at that instant, so a still but tilted wrist reads gravity
 * on several axes. The gyroscope reads the body-frame angular rate of that same orientation (from
 * R(t-h)^T R(t+h)), so integrating it reproduces the tilt the accelerometer sees. Then per-axis gain and
 * bias, white noise, and clipping at full scale.
 */
export function renderImu(placed: readonly PlacedMotion[], person: Person, random: Random, options: RenderOptions): Float32Array {
  const rate = requirePositive('renderImu', 'sampleRate', options.sampleRate);
  const duration = requirePositive('renderImu', 'duration', options.duration);
  const accelRange = requirePositive('renderImu', 'accelRange', options.accelRange ?? 4);
  const gyroRange = requirePositive('renderImu', 'gyroRange', options.gyroRange ?? 2000);
  const frames = Math.round(duration * rate);
  if (frames < 1) throw new ParameterError('renderImu', 'duration', duration, `at least one sample at ${rate} Hz`);
  const facing = rotZ(person.facing);
  const orientation = (t: number): { position: Vec3; rotation: Mat3 } => {
    let position: Vec3 = [0, 0, 0];
    let rotation: Mat3 = IDENTITY;
    for (const { motion, start } of placed) {
      const local = t - start;
      if (local <= 0 || local >= motion.duration) continue;
      const pose = motion.pose(local);
      position = [position[0] + pose.position[0], position[1] + pose.position[1], position[2] + pose.position[2]];
      rotation = mul(pose.rotation, rotation);
    }
    return { position, rotation: mul(facing, rotation, person.rest, person.mount) };
  };
  const out = new Float32Array(frames * 6);
  const clip = (v: number, range: number): number => Math.max(-range, Math.min(range, v));
  for (let n = 0; n < frames; n++) {
    const t = n / rate;
    const before = orientation(t - H);
    const now = orientation(t);
    const after = orientation(t + H);
    const bodyAccel: Vec3 = [0, 1, 2].map((k) => (after.position[k]! - 2 * now.position[k]! + before.position[k]!) / (H * H * G0)) as unknown as Vec3;
    const world = apply(facing, bodyAccel);
    const force = apply(transpose(now.rotation), [world[0], world[1], world[2] + 1]);
    const spin = toRotationVector(mul(transpose(before.rotation), after.rotation));
    for (let k = 0; k < 3; k++) {
      const a = force[k]! * (1 + person.accelGain[k]!) + person.accelBias[k]! + person.accelNoise * random.gaussian();
      const g = (spin[k]! / (2 * H)) * RAD_TO_DEG + person.gyroBias[k]! + person.gyroNoise * random.gaussian();
      out[n * 6 + k] = clip(a, accelRange);
      out[n * 6 + 3 + k] = clip(g, gyroRange);
    }
  }
  return out;
}
