import { describe, expect, it } from 'vitest';
import { createWindowFeaturesPlan } from './feature-plan.js';
import { FeatureStream } from './feature-stream.js';
import { syntheticVibration } from './testing/synthetic.js';
import { trainDetector } from './train-detector.js';
import { splitWindows } from './split.js';

/**
 * Probability mass of the beta-binomial distribution BB(m, a, b), by the ratio recursion
 * P(x + 1) / P(x) = (m - x)(x + a) / ((x + 1)(m - x - 1 + b)), P(0) = prod_i (b + i) / (a + b + i).
 */
function betaBinomial(m: number, a: number, b: number): number[] {
  const p = [1];
  for (let i = 0; i < m; i++) p[0]! *= (b + i) / (a + b + i);
  for (let x = 0; x < m; x++) p.push((p[x]! * (m - x) * (x + a)) / ((x + 1) * (m - x - 1 + b)));
  return p;
}

/** Central interval holding at least `mass` of a distribution over 0..m. */
function centralInterval(pmf: number[], mass: number): [number, number] {
  const tail = (1 - mass) / 2;
  let lo = 0;
  for (let c = pmf[0]!; c < tail; c += pmf[++lo]!);
  let hi = pmf.length - 1;
  for (let c = pmf[hi]!; c < tail; c += pmf[--hi]!);
  return [lo, hi];
}

describe('threshold calibration', () => {
  // One machine in one condition for 160 s: train on the first 2/3 of its windows, test on the rest.
  const RATE = 4000;
  const plan = createWindowFeaturesPlan({ sampleRate: RATE, window: 0.25, hop: 0.25 });
  const samples = syntheticVibration({ sampleRate: RATE, duration: 160, seed: 8 });
  const rows = new FeatureStream(plan).push({ samples, sampleRate: RATE, channels: 1, index: 0 }).map((r) => r.values);
  const train = rows.slice(0, 430);
  const fresh = rows.slice(430);

  it.each([
    ['gaussian', 0.05],
    ['gaussian', 0.1],
    ['kmeans', 0.05],
  ] as const)('%s at FPR %s holds its false-alarm rate on fresh normal windows (99 %% beta-binomial interval)', async (kind, fpr) => {
    const trained = await trainDetector(plan.names, [train], 0, { detector: kind, fpr });
    const n = trained.split.heldOut;
    const alarms = Array.from(trained.detector.scoreMany(fresh)).filter((s) => s > trained.threshold).length;
    // The threshold is the (n - k)-th smallest of n held-out scores, k = floor(fpr n): its true false-alarm
    // rate q is Beta(k + 1, n - k), and the alarms among m fresh iid windows are Binomial(m, q).
    const k = Math.floor(fpr * n + 1e-9);
    expect(trained.expectedFpr).toBeCloseTo((k + 1) / (n + 1), 12);
    const [lo, hi] = centralInterval(betaBinomial(fresh.length, k + 1, n - k), 0.99);
    expect(alarms, `${alarms} of ${fresh.length} fresh windows above the threshold; 99 % interval [${lo}, ${hi}]`).toBeGreaterThanOrEqual(lo);
    expect(alarms).toBeLessThanOrEqual(hi);
    expect(hi / fresh.length).toBeLessThan(3 * fpr);
  });

  it('the beta-binomial helper sums to 1 and has the right mean', () => {
    const pmf = betaBinomial(100, 3, 57);
    expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(pmf.reduce((a, p, x) => a + p * x, 0)).toBeCloseTo((100 * 3) / 60, 8);
  });

  it('the purged block split keeps held-out windows away from overlapping training windows', () => {
    const split = splitWindows(240, { holdout: 0.25, overlap: 3 });
    const held = new Set(split.heldOut);
    for (const i of split.train) for (let d = -3; d <= 3; d++) expect(held.has(i + d)).toBe(false);
    expect(split.heldOut.length / 240).toBeGreaterThan(0.2);
    expect(split.train.length + split.heldOut.length + split.purged).toBe(240);
    // Too short for a block per every-4th rule: the last block is lent.
    expect(splitWindows(20, { holdout: 0.25, overlap: 1 }).heldOut.length).toBeGreaterThan(0);
  });
});
