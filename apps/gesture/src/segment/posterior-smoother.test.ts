import { describe, expect, it } from 'vitest';
import { createSmootherPlan, PosteriorSmoother } from './posterior-smoother.js';

const p = (...v: number[]): Float32Array => Float32Array.from(v);

describe('PosteriorSmoother', () => {
  it('reports the peak of a detection when it ends, then suppresses', () => {
    // classes: 0 = punch, 1 = wave, 2 = idle (negative); mean of 2, threshold 0.55, 1 window of suppression
    const s = new PosteriorSmoother(createSmootherPlan({ classes: 3, negative: 2, average: 2, threshold: 0.55, suppress: 1 }));
    const feed = [
      p(0, 0, 1), // mean punch -
      p(0.2, 0.8, 0), // wave 0.4
      p(0.6, 0.4, 0), // wave 0.6: a detection starts (wave, cut off at the window's edge)
      p(1, 0, 0), // punch 0.8: the peak
      p(0.5, 0, 0.5), // punch 0.75
      p(0, 0, 1), // punch 0.25, below half the threshold: the detection ends -> punch 0.8, 2 windows ago
      p(1, 0, 0), // suppressed
      p(1, 0, 0), // punch 0.5 + ... = (1 + 1) / 2 = 1: a new detection starts
    ];
    const out = feed.map((x) => s.push(x));
    expect(out.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(out[5]!.label).toBe(0);
    expect(out[5]!.score).toBeCloseTo(0.8, 6);
    expect(out[5]!.windowsAgo).toBe(2);
    expect(out[6]).toBeUndefined();
    expect(out[7]).toBeUndefined();
  });

  it('reports a detection that stays above the threshold after `hold` windows', () => {
    const s = new PosteriorSmoother(createSmootherPlan({ classes: 2, negative: 1, average: 1, threshold: 0.5, hold: 3, suppress: 0 }));
    const out = [p(0.6, 0.4), p(0.9, 0.1), p(0.3, 0.7), p(0.8, 0.2)].map((x) => s.push(x));
    expect(out[0]).toBeUndefined();
    expect(out[1]).toBeUndefined();
    expect(out[2]).toMatchObject({ label: 0, windowsAgo: 2 });
    expect(out[2]!.score).toBeCloseTo(0.9, 6);
  });

  it('never reports the negative class, however sure', () => {
    const s = new PosteriorSmoother(createSmootherPlan({ classes: 2, negative: 1, average: 1, threshold: 0.5 }));
    expect([p(0, 1), p(0.2, 0.8), p(0.6, 0.4), p(0, 1)].map((x) => s.push(x)?.label)).toEqual([undefined, undefined, undefined, 0]);
  });

  it('refuses impossible settings by name', () => {
    expect(() => createSmootherPlan({ classes: 3, negative: 3 })).toThrow(/negative/);
    expect(() => createSmootherPlan({ classes: 3, threshold: 1.5 })).toThrow(/threshold/);
    expect(() => createSmootherPlan({ classes: 3, average: 0 })).toThrow(/average/);
    expect(() => createSmootherPlan({ classes: 3, hold: 0 })).toThrow(/hold/);
  });
});
