import { ParameterError } from '@sensorkit/dsp';
import { describe, expect, it } from 'vitest';
import { bearingFrequencies, BEARINGS } from './bearing.js';

/** Relative difference. */
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('bearingFrequencies', () => {
  // CWRU Bearing Data Center, "Bearing information": defect frequencies as multiples of running speed.
  // Their BSF column is 2 x ball spin (a ball defect strikes both races per spin); ours is the spin itself.
  it.each([
    { name: 'skf-6205' as const, bpfo: 3.5848, bpfi: 5.4152, twoBsf: 4.7135, ftf: 0.39828, tolerance: 1e-4 },
    // CWRU rounds the fan-end values to 4 digits.
    { name: 'skf-6203' as const, bpfo: 3.053, bpfi: 4.9469, twoBsf: 3.9874, ftf: 0.3817, tolerance: 2e-4 },
  ])('matches the CWRU table for the $name', ({ name, bpfo, bpfi, twoBsf, ftf, tolerance }) => {
    const f = bearingFrequencies(BEARINGS[name], 1);
    expect(rel(f.bpfo, bpfo)).toBeLessThan(tolerance);
    expect(rel(f.bpfi, bpfi)).toBeLessThan(tolerance);
    expect(rel(2 * f.bsf, twoBsf)).toBeLessThan(tolerance);
    expect(rel(f.ftf, ftf)).toBeLessThan(tolerance);
  });

  it('gives the ball spin itself as bsf: 2.3567 x fr for the 6205', () => {
    expect(bearingFrequencies(BEARINGS['skf-6205'], 1).bsf).toBeCloseTo(2.3567, 4);
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
