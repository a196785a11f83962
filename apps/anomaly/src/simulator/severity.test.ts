import { describe, expect, it } from 'vitest';
import { severityAt, severityTimeline, type SeverityCurve } from './severity.js';

const curve: SeverityCurve = { type: 'run-to-failure', onset: 10, failure: 60, initial: 0.1, growth: 4 };

describe('severity', () => {
  it('is 0 before onset, initial at onset, 1 from failure on, exponential between', () => {
    expect(severityAt(curve, 0)).toBe(0);
    expect(severityAt(curve, 9.999)).toBe(0);
    expect(severityAt(curve, 10)).toBe(0.1);
    expect(severityAt(curve, 35)).toBeCloseTo(0.1 + (0.9 * (Math.exp(2) - 1)) / (Math.exp(4) - 1), 12);
    expect(severityAt(curve, 60)).toBe(1);
    expect(severityAt(curve, 1e6)).toBe(1);
    expect(severityAt({ type: 'constant', severity: 0.3 }, 123)).toBe(0.3);
  });

  it('gives a monotonic timeline whose points lie on the curve, clipped to the recording', () => {
    const timeline = severityTimeline(curve, 100);
    expect(timeline[0]).toEqual({ time: 0, severity: 0 });
    expect(timeline.at(-1)).toEqual({ time: 60, severity: 1 });
    expect(timeline.length).toBe(52); // 0, onset, 49 steps between, failure
    for (let i = 1; i < timeline.length; i++) {
      expect(timeline[i]!.time).toBeGreaterThan(timeline[i - 1]!.time);
      expect(timeline[i]!.severity).toBeGreaterThanOrEqual(timeline[i - 1]!.severity);
      expect(timeline[i]!.severity).toBe(severityAt(curve, timeline[i]!.time));
    }
    const short = severityTimeline(curve, 30);
    expect(short.at(-1)!.time).toBeLessThanOrEqual(30);
    expect(short.at(-1)!.severity).toBeLessThan(0.2);
  });
});
