import { describe, expect, it } from 'vitest';
import { createRandom } from '@sensorkit/dsp';
import type { Motion } from './motions.js';
import { drawPerson, type Person } from './person.js';
import { renderImu } from './render-imu.js';
import { apply, fromRotationVector, IDENTITY, mul, rotY, rotZ, transpose, type Mat3, type Vec3 } from './rotation.js';

// A wearer with a perfect sensor, so the physics alone is under test.
const ideal: Person = { ...drawPerson(0, createRandom(3)), accelBias: [0, 0, 0], accelGain: [0, 0, 0], gyroBias: [0, 0, 0], accelNoise: 0, gyroNoise: 0 };
const RATE = 200;

/** A wrist turning about a tilted axis at a varying rate, not moving: the accelerometer sees only gravity. */
const tumble: Motion = {
  label: 'idle',
  duration: 2,
  pose: (t) => ({ position: [0, 0, 0], rotation: fromRotationVector([1.1 * Math.sin(1.3 * t) * t, 0.7 * t * t, -0.4 * t]) }),
};

describe('renderImu', () => {
  it('a still wrist reads 1 g of gravity in the sensor frame and no rotation', () => {
    const x = renderImu([], ideal, createRandom(1), { sampleRate: RATE, duration: 0.5 });
    const up = apply(transpose(rotationOf(ideal)), [0, 0, 1]);
    for (let n = 0; n < x.length / 6; n++) {
      for (let k = 0; k < 3; k++) expect(x[n * 6 + k]).toBeCloseTo(up[k]!, 5);
      for (let k = 3; k < 6; k++) expect(x[n * 6 + k]).toBeCloseTo(0, 5);
    }
  });

  it('gyroscope and accelerometer agree: integrating the angular rate turns gravity into what the accelerometer reads', () => {
    const x = renderImu([{ motion: tumble, start: 0 }], ideal, createRandom(1), { sampleRate: RATE, duration: 2 });
    const frames = x.length / 6;
    // Track the sensor's orientation from the gyro alone (midpoint rule), starting from the first reading's gravity.
    let gravity: Vec3 = [x[0]!, x[1]!, x[2]!];
    let worst = 0;
    for (let n = 1; n < frames; n++) {
      const w = [0, 1, 2].map((k) => (((x[(n - 1) * 6 + 3 + k]! + x[n * 6 + 3 + k]!) / 2) * Math.PI) / 180 / RATE) as unknown as Vec3;
      // Gravity is fixed in the world, so in the sensor frame it turns opposite to the sensor.
      gravity = apply(transpose(fromRotationVector(w)), gravity);
      worst = Math.max(worst, Math.hypot(gravity[0] - x[n * 6]!, gravity[1] - x[n * 6 + 1]!, gravity[2] - x[n * 6 + 2]!));
    }
    expect(worst).toBeLessThan(0.01); // 0.6 degrees after 2 s of tumbling through large angles
    expect(worst).toBeGreaterThan(0); // the sensor did turn
  });

  it('a hand accelerating upward at 1 g reads 2 g along the sensor\'s view of up', () => {
    const lift: Motion = { label: 'idle', duration: 1, pose: (t) => ({ position: [0, 0, 0.5 * 9.80665 * t * t], rotation: IDENTITY }) };
    const x = renderImu([{ motion: lift, start: 0 }], ideal, createRandom(1), { sampleRate: RATE, duration: 0.9 });
    const up = apply(transpose(rotationOf(ideal)), [0, 0, 1]);
    const n = 100;
    for (let k = 0; k < 3; k++) expect(x[n * 6 + k]).toBeCloseTo(2 * up[k]!, 4);
  });

  it('adds the board\'s bias and noise, and clips at full scale', () => {
    const person: Person = { ...ideal, accelBias: [0.05, -0.02, 0.01], accelNoise: 0.01, gyroBias: [2, 0, -1], gyroNoise: 0.5 };
    const x = renderImu([], person, createRandom(7), { sampleRate: RATE, duration: 5 });
    const up = apply(transpose(rotationOf(person)), [0, 0, 1]);
    const frames = x.length / 6;
    const mean = (k: number): number => x.filter((_, i) => i % 6 === k).reduce((s, v) => s + v, 0) / frames;
    const std = (k: number): number => Math.sqrt(x.filter((_, i) => i % 6 === k).reduce((s, v) => s + (v - mean(k)) ** 2, 0) / frames);
    expect(mean(0)).toBeCloseTo(up[0] + 0.05, 2);
    expect(mean(3)).toBeCloseTo(2, 1);
    expect(std(1)).toBeCloseTo(0.01, 2);
    expect(std(4)).toBeCloseTo(0.5, 1);
    const punch: Motion = { label: 'idle', duration: 0.2, pose: (t) => ({ position: [2 * t * t * t * 200, 0, 0], rotation: rotY(40 * t) }) };
    const clipped = renderImu([{ motion: punch, start: 0 }], ideal, createRandom(1), { sampleRate: RATE, duration: 0.3, accelRange: 4, gyroRange: 2000 });
    expect(Math.max(...clipped.filter((_, i) => i % 6 < 3).map(Math.abs))).toBe(4);
  });
});

/** The sensor's orientation at rest: heading, forearm rest pose, mounting. */
function rotationOf(p: Person): Mat3 {
  return mul(rotZ(p.facing), p.rest, p.mount);
}
