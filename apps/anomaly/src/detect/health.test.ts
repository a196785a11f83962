import { describe, expect, it } from 'vitest';
import { createRandom, ParameterError } from '@sensorkit/dsp';
import type { AlertEvent, HealthState } from '../contracts.js';
import { HealthMonitor, resolveHealthOptions, type HealthOptions } from './health.js';

const why = [{ feature: 'env.bpfo', z: 7.5 }];

/** Runs scores (one per `dt` s) through a monitor; returns the states and alerts. */
function run(scores: number[], options: HealthOptions, dt = 0.25, threshold = 2): { states: HealthState[]; health: number[]; alerts: AlertEvent[] } {
  const monitor = new HealthMonitor('pump-1', threshold, options);
  const states: HealthState[] = [];
  const health: number[] = [];
  const alerts: AlertEvent[] = [];
  scores.forEach((score, i) => {
    const { window, alert } = monitor.update(i * dt, score, () => why);
    states.push(window.state);
    health.push(window.health);
    if (alert) alerts.push(alert);
  });
  return { states, health, alerts };
}

describe('health index and states', () => {
  it('does not chatter on a score hovering at the threshold, where a plain comparison would', () => {
    const random = createRandom(1);
    const hover = (noise: () => number): number[] => [...Array(20).fill(0.5), ...Array.from({ length: 400 }, () => 2 * (1 + noise()))];
    const plainCrossings = (scores: number[]): number => scores.slice(20).filter((s, i, a) => i > 0 && s / 2 >= 1 !== a[i - 1]! / 2 >= 1).length;
    // Hysteresis alone (no smoothing): health 1 +- 0.08, inside the 0.1 release band.
    const uniform = hover(() => 0.16 * (random.uniform() - 0.5));
    // The defaults (EMA with tau = 1 s at 4 windows/s): gaussian noise of 0.06 that leaves the band now and then.
    const gaussian = hover(() => 0.06 * random.gaussian());
    const cases = [
      [uniform, { timeConstant: 0 }, ['normal->alarm']],
      // Smoothed, the rise passes through warning on its way up.
      [gaussian, {}, ['normal->warning', 'warning->alarm']],
    ] as const;
    for (const [scores, options, expected] of cases) {
      expect(plainCrossings(scores)).toBeGreaterThan(100);
      const { alerts, states } = run(scores, options);
      expect(alerts.map((a) => `${a.from}->${a.to}`)).toEqual(expected);
      expect(states.slice(40).every((s) => s === 'alarm')).toBe(true);
    }
  });

  it('rises at once, falls only below the release level and after the minimum dwell', () => {
    // threshold 2: health = score / 2. Alarm at t = 1 s; health 0.85 from t = 1.5 s is below the alarm
    // release (0.9) but only 0.5 s after entry: it waits for the 2 s dwell, then drops to warning.
    const scores = [1, 1, 1, 1, 2.2, 2.2, 1.7, 1.7, 1.7, 1.7, 1.7, 1.7, 1.7, 1.7, 1.7, 1.7, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2];
    const { states, alerts } = run(scores, { timeConstant: 0, minDwell: 2 });
    expect(states.slice(0, 4)).toEqual(['normal', 'normal', 'normal', 'normal']);
    expect(states[4]).toBe('alarm');
    expect(alerts.map((a) => [a.time, a.from, a.to])).toEqual([
      [1, 'normal', 'alarm'],
      [3, 'alarm', 'warning'],
      [5, 'warning', 'normal'],
    ]);
    // Health between the warning release (0.7) and the warning level (0.8) keeps the warning.
    const held = run([1, 1.7, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5], { timeConstant: 0, minDwell: 0 });
    expect(held.states.slice(1)).toEqual(Array(13).fill('warning'));
  });

  it('smooths with the time constant in seconds: a step reaches 1 - 1/e of its height after tau', () => {
    const dt = 0.01;
    const scores = [0, ...Array(300).fill(2)];
    const { health } = run(scores, { timeConstant: 1 }, dt, 2);
    expect(health[100]).toBeCloseTo(1 - Math.exp(-1), 6);
    expect(health[300]).toBeCloseTo(1 - Math.exp(-3), 6);
    // The same physical time gives the same health whatever the window rate.
    expect(run([0, ...Array(30).fill(2)], { timeConstant: 1 }, 0.1, 2).health[10]).toBeCloseTo(health[100]!, 6);
  });

  it('alerts carry machine, time, score, the deviating features and a readable message', () => {
    const { alerts } = run([1, 3], { timeConstant: 0 });
    expect(alerts).toEqual([
      {
        machine: 'pump-1',
        time: 0.25,
        from: 'normal',
        to: 'alarm',
        score: 3,
        deviations: why,
        message: 'pump-1: normal -> alarm at 0.25 s (health 1.50); most deviating: env.bpfo +7.5 sd',
      },
    ]);
  });

  it('refuses inconsistent levels by name', () => {
    expect(() => resolveHealthOptions({ warning: 1.2 })).toThrow(/warning = 1.2/);
    expect(() => resolveHealthOptions({ hysteresis: 0.9 })).toThrow(/hysteresis/);
    expect(() => new HealthMonitor('m', 0)).toThrow(ParameterError);
    expect(() => resolveHealthOptions({ tau: 1 } as HealthOptions)).toThrow(/tau/);
  });
});
