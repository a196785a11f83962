import { describe, expect, it } from 'vitest';
import { createSmootherPlan, PosteriorSmoother } from './posterior-smoother.js';

const p = (...v: number[]): Float32Array => Float32Array.from(v);

describe('PosteriorSmoother', () => {
  it('reports a class when the mean of the last N predictions reaches the threshold, then suppresses', () => {
    // classes: 0 = punch, 1 = wave, 2 = idle (negative); mean of 3, threshold 0.55, 2 windows of suppression
    const s = new PosteriorSmoother(createSmootherPlan({ classes: 3, negative: 2, average: 3, threshold: 0.55, suppress: 2 }));
    const feed = [p(0, 0, 1), p(0.9, 0, 0.1), p(0.9, 0.1, 0), p(0.9, 0, 0.1), p(0.9, 0, 0.1), p(0.9, 0, 0.1), p(0.9, 0, 0.1), p(0, 0, 1), p(0, 0, 1)];
    const out = feed.map((x) => s.push(x));
    // Means of punch: 0.3, 0.6, 0.9 (window 3 is the first full one: (0 + 0.9 + 0.9) / 3 = 0.6 -> reported).
    expect(out[0]).toBeUndefined();
    expect(out[1]).toBeUndefined(); // not yet 3 predictions
    expect(out[2]!.label).toBe(0);
    expect(out[2]!.score).toBeCloseTo(0.6, 6);
    expect(out[3]).toBeUndefined(); // suppressed
    expect(out[4]).toBeUndefined(); // suppressed
    expect(out[5]).toMatchObject({ label: 0 }); // the same gesture held on: reported again after suppression
    expect(out[5]!.score).toBeCloseTo(0.9, 6);
    expect(out.slice(6)).toEqual([undefined, undefined, undefined]);
  });

  it('never reports the negative class, however sure', () => {
    const s = new PosteriorSmoother(createSmootherPlan({ classes: 2, negative: 1, average: 1, threshold: 0.5 }));
    expect([p(0, 1), p(0.2, 0.8), p(0.6, 0.4)].map((x) => s.push(x)?.label)).toEqual([undefined, undefined, 0]);
  });

  it('refuses impossible settings by name', () => {
    expect(() => createSmootherPlan({ classes: 3, negative: 3 })).toThrow(/negative/);
    expect(() => createSmootherPlan({ classes: 3, threshold: 1.5 })).toThrow(/threshold/);
    expect(() => createSmootherPlan({ classes: 3, average: 0 })).toThrow(/average/);
  });
});
