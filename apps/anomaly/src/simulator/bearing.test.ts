import { ParameterError } from '@sensorkit/dsp';
import { describe, expect, it } from 'vitest';
import { bearingFrequencies, BEARINGS } from './bearing.js';

/** Relative difference. */
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('bearingFrequencies', () => {
  // CWRU Bearing Data Center, "Bearing information": defect frequencies as multiples of running speed.
  // Their BSF column is 2 x ball spin (a ball defect strikes both races per spin); ours is the spin itself.
  it('matches the CWRU table for the drive-end SKF 6205-2RS (9 balls, 7.94 / 39.04 mm)', () => {
    const f = bearingFrequencies(BEARINGS['skf-6205'], 1);
    expect(rel(f.bpfo, 3.5848)).toBeLessThan(1e-4);
    expect(rel(f.bpfi, 5.4152)).toBeLessThan(1e-4);
    expect(rel(2 * f.bsf, 4.7135)).toBeLessThan(1e-4);
    expect(rel(f.ftf, 0.39828)).toBeLessThan(1e-4);
    expect(f.bsf).toBeCloseTo(2.3567, 4);
  });

  it('matches the CWRU table for the fan-end SKF 6203-2RS (8 balls)', () => {
    const f = bearingFrequencies(BEARINGS['skf-6203'], 1);
    expect(rel(f.bpfo, 3.053)).toBeLessThan(1e-4);
    expect(rel(f.bpfi, 4.9469)).toBeLessThan(1e-4);
    expect(rel(2 * f.bsf, 3.9874)).toBeLessThan(2e-4);
    expect(rel(f.ftf, 0.3817)).toBeLessThan(2e-4);
  });

  it('scales with shaft speed and obeys the kinematic identities', () => {
    const f = bearingFrequencies(BEARINGS['skf-6205'], 29.95);
    expect(f.shaft).toBe(29.95);
    expect(f.bpfo).toBeCloseTo(3.584785 * 29.95, 4); // 107.36 Hz at 1797 rpm
    expect(f.bpfo + f.bpfi).toBeCloseTo(9 * 29.95, 9); // n x fr
    expect(f.bpfo).toBeCloseTo(9 * f.ftf, 9); // balls pass a fixed point at n x cage rate
  });

  it('lowers r = d/D cos(angle) with the contact angle: BPFO rises, BPFI falls', () => {
    const flat = bearingFrequencies({ balls: 12, ballDiameter: 8, pitchDiameter: 40, contactAngle: 0 }, 10);
    const angled = bearingFrequencies({ balls: 12, ballDiameter: 8, pitchDiameter: 40, contactAngle: 40 }, 10);
    const r = 0.2 * Math.cos((40 * Math.PI) / 180);
    expect(angled.bpfo).toBeCloseTo(60 * (1 - r), 12);
    expect(angled.bpfi).toBeCloseTo(60 * (1 + r), 12);
    expect(angled.bsf).toBeCloseTo(25 * (1 - r * r), 12);
    expect(angled.bpfo).toBeGreaterThan(flat.bpfo);
  });

  it('refuses impossible geometry and speed with a ParameterError naming the argument', () => {
    const g = BEARINGS['skf-6205'];
    expect(() => bearingFrequencies({ ...g, ballDiameter: 39.04 }, 30)).toThrow(/ballDiameter = 39.04; expected a diameter \(mm\) below pitchDiameter/);
    expect(() => bearingFrequencies({ ...g, ballDiameter: 50 }, 30)).toThrow(ParameterError);
    expect(() => bearingFrequencies({ ...g, balls: 2 }, 30)).toThrow(/balls = 2/);
    expect(() => bearingFrequencies({ ...g, balls: 8.5 }, 30)).toThrow(ParameterError);
    expect(() => bearingFrequencies({ ...g, contactAngle: 90 }, 30)).toThrow(/contactAngle/);
    expect(() => bearingFrequencies(g, -5)).toThrow(/shaftHz = -5/);
    expect(() => bearingFrequencies(g, Number.NaN)).toThrow(ParameterError);
  });
});
