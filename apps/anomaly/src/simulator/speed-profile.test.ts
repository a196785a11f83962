import { describe, expect, it } from 'vitest';
import { createSpeedProfile, loadAt, revolutionsAt, speedAt, timeAtRevolutions } from './speed-profile.js';

const profile = createSpeedProfile({
  shaftHz: 30,
  load: 0.5,
  loadSteps: [{ time: 10, load: 1 }, { time: 20, load: 0 }],
  loadRamp: 2,
  loadSpeedDrop: 0.04,
  drift: 0.01,
  seed: 3,
});

describe('speed profile', () => {
  it('ramps the load linearly between steps', () => {
    expect(loadAt(profile, 5)).toBe(0.5);
    expect(loadAt(profile, 11)).toBeCloseTo(0.75, 12);
    expect(loadAt(profile, 15)).toBe(1);
    expect(loadAt(profile, 21.5)).toBeCloseTo(0.25, 12);
    expect(loadAt(profile, 100)).toBe(0);
  });

  it('slows under load (motor slip) and drifts slowly within the given fraction', () => {
    let min = Infinity;
    let max = -Infinity;
    for (let t = 0; t < 10; t += 0.01) {
      min = Math.min(min, speedAt(profile, t));
      max = Math.max(max, speedAt(profile, t));
    }
    expect(min).toBeGreaterThan(30 * 0.99 - 1e-9);
    expect(max).toBeLessThan(30 * 1.01 + 1e-9);
    expect(max - min).toBeGreaterThan(0.05);
    // Full load is 0.5 above base: 2 % slower, give or take the drift.
    expect(speedAt(profile, 15) / 30).toBeCloseTo(0.98, 1);
  });

  it('turns revolutionsAt into the exact integral of speedAt, and timeAtRevolutions into its inverse', () => {
    // Simpson's rule over 0..30 s (through both ramps) against the closed form.
    const n = 30000;
    const h = 30 / n;
    let sum = speedAt(profile, 0) + speedAt(profile, 30);
    for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * speedAt(profile, i * h);
    expect(revolutionsAt(profile, 30)).toBeCloseTo((sum * h) / 3, 6);
    expect(revolutionsAt(profile, 0)).toBe(0);
    for (const t of [0.001, 3.7, 10.5, 21, 29.9, 1000]) expect(timeAtRevolutions(profile, revolutionsAt(profile, t))).toBeCloseTo(t, 10);
  });
});
