import { describe, expect, it } from 'vitest';
import { ParameterError } from '@sensorkit/dsp';
import { PosteriorSmoother, type Detection } from './posterior-smoother.js';

const LABELS = ['yes', 'no', '_unknown_', '_silence_'];

/** Scores every 0.1 s: silence, except `yes` (or `no`) at the given score inside [from, to). */
function run(smoother: PosteriorSmoother, events: { label: 0 | 1; from: number; to: number; score: number }[], seconds = 6): Detection[] {
  const out: Detection[] = [];
  for (let k = 1; k <= seconds * 10; k++) {
    const t = k / 10;
    const scores = new Float32Array([0, 0, 0.05, 0.95]);
    for (const e of events) {
      if (t >= e.from - 1e-9 && t < e.to - 1e-9) {
        scores.fill(0);
        scores[e.label] = e.score;
        scores[3] = 1 - e.score;
      }
    }
    const hit = smoother.push(t, scores);
    if (hit) out.push(hit);
  }
  return out;
}

describe('PosteriorSmoother', () => {
  it('reports each word once, when its average over the window first reaches the threshold', () => {
    const smoother = new PosteriorSmoother(LABELS, { averageWindow: 0.5, threshold: 0.7, suppression: 1, minimumCount: 3 });
    const hits = run(smoother, [{ label: 0, from: 1, to: 1.6, score: 1 }, { label: 1, from: 3, to: 3.6, score: 0.9 }]);
    // Windows at 1.0, 1.1, ... score 1; the 0.5 s average (windows at 0.6..1.0 excluded from 0.5 back) reaches
    // 0.7 once 4 of the 5 windows in it are the word: at 1.3 s (1.0, 1.1, 1.2, 1.3 + 0.9 s silence = 4 / 5 = 0.8).
    expect(hits.map((h) => [h.label, Number(h.time.toFixed(2))])).toEqual([['yes', 1.3], ['no', 3.3]]);
    expect(hits[0]!.score).toBeCloseTo(0.8, 6);
    expect(hits[1]!.score).toBeCloseTo((4 * 0.9) / 5, 6);
  });

  it('suppresses repeats for `suppression` seconds, then reports again', () => {
    const long = [{ label: 0 as const, from: 1, to: 4, score: 1 }];
    expect(run(new PosteriorSmoother(LABELS, { suppression: 1 }), long).map((h) => Number(h.time.toFixed(2)))).toEqual([1.3, 2.3, 3.3]);
    expect(run(new PosteriorSmoother(LABELS, { suppression: 10 }), long)).toHaveLength(1);
  });

  it('never reports the background classes, nor a word below the threshold or with too few windows', () => {
    expect(run(new PosteriorSmoother(LABELS), [])).toEqual([]); // silence at 0.95 all along
    expect(run(new PosteriorSmoother(LABELS, { threshold: 0.95 }), [{ label: 0, from: 1, to: 3, score: 0.9 }])).toEqual([]);
    const smoother = new PosteriorSmoother(LABELS, { minimumCount: 3, averageWindow: 0.15 }); // never more than 2 windows in 0.15 s
    expect(run(smoother, [{ label: 0, from: 1, to: 3, score: 1 }])).toEqual([]);
    // With one window enough, the word is reported at 1.1 s: at 1.0 the 0.15 s average still holds 0.9 s (silence).
    expect(run(new PosteriorSmoother(LABELS, { minimumCount: 1, averageWindow: 0.15 }), [{ label: 0, from: 1, to: 1.5, score: 1 }]).map((h) => h.time)).toEqual([1.1]);
  });

  it('starts over after reset', () => {
    const smoother = new PosteriorSmoother(LABELS);
    const word = [{ label: 0 as const, from: 1, to: 1.6, score: 1 }];
    expect(run(smoother, word)).toHaveLength(1);
    smoother.reset();
    expect(run(smoother, word)).toHaveLength(1);
  });

  it('refuses bad settings, naming them', () => {
    expect(() => new PosteriorSmoother(LABELS, { threshold: 1.5 })).toThrow(ParameterError);
    expect(() => new PosteriorSmoother(LABELS, { threshold: 1.5 })).toThrow(/threshold = 1.5/);
    expect(() => new PosteriorSmoother(LABELS, { minimumCount: 0 })).toThrow(/minimumCount = 0/);
    expect(() => new PosteriorSmoother(LABELS, { window: 1 } as never)).toThrow(/window/);
    expect(() => new PosteriorSmoother(['_unknown_', '_silence_'])).toThrow(/at least one keyword/);
  });
});
