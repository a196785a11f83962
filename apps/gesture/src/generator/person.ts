import type { Random } from '@sensorkit/dsp';
import { mul, rotX, rotY, rotZ, type Mat3, type Vec3 } from './rotation.js';

/**
 * One wearer and their sensor: how fast and big they move, how they hold the forearm at rest, how the
 * board sits on the wrist, and the board's own calibration errors. Draw one per person so that data
 * from held-out persons tests what a model will meet on a new wrist.
 */
export interface Person {
  readonly id: number;
  /** tempo relative to the nominal gesture (0.8-1.25) */
  readonly speed: number;
  /** size relative to the nominal gesture (0.75-1.3) */
  readonly amplitude: number;
  /** body heading in the world, radians: turns where the motions go, never gravity */
  readonly facing: number;
  /** forearm rest orientation in the body frame: pitch (raised) then roll (pronation) */
  readonly rest: Mat3;
  /** sensor frame -> forearm frame: how the board is strapped on */
  readonly mount: Mat3;
  /** g, per accelerometer axis */
  readonly accelBias: Vec3;
  /** relative gain error per accelerometer axis */
  readonly accelGain: Vec3;
  /** deg/s, per gyroscope axis */
  readonly gyroBias: Vec3;
  /** white-noise standard deviations: g and deg/s */
  readonly accelNoise: number;
  readonly gyroNoise: number;
}

const DEG = Math.PI / 180;

/** Draws a person from `random`; the same random state gives the same person. */
export function drawPerson(id: number, random: Random): Person {
  const between = (lo: number, hi: number): number => lo + (hi - lo) * random.uniform();
  const vec = (spread: number): Vec3 => [between(-spread, spread), between(-spread, spread), between(-spread, spread)];
  return {
    id,
    speed: between(0.8, 1.25),
    amplitude: between(0.75, 1.3),
    facing: between(-Math.PI, Math.PI),
    rest: mul(rotY(-between(-10, 25) * DEG), rotX(between(-30, 30) * DEG)),
    mount: mul(rotX(between(-25, 25) * DEG), rotY(between(-12, 12) * DEG), rotZ(between(-12, 12) * DEG)),
    accelBias: vec(0.04),
    accelGain: vec(0.03),
    gyroBias: vec(3),
    accelNoise: between(0.005, 0.015),
    gyroNoise: between(0.3, 1.0),
  };
}
