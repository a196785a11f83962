import { describe, expect, it } from 'vitest';
import { f32, loadGolden, rng, snrDb } from '../../test/helpers.js';
import { createDcBlockerPlan, DcBlocker } from './dc-blocker.js';
import { createPreEmphasisPlan, PreEmphasis } from './pre-emphasis.js';

interface Golden {
  signal: number[];
  dcBlocker: { r: number; output: number[] }[];
  preEmphasis: { coefficient: number; output: number[] }[];
}

type Core = { process(input: Float32Array, out: Float32Array): void };

function chunked(core: Core, x: Float32Array, seed: number): Float32Array {
  const next = rng(seed);
  const out = new Float32Array(x.length);
  for (let at = 0; at < x.length; ) {
    const n = Math.min(x.length - at, 1 + Math.floor(next() * 50));
    core.process(x.subarray(at, at + n), out.subarray(at, at + n));
    at += n;
  }
  return out;
}

describe('DC blocker and pre-emphasis', () => {
  const golden = loadGolden<Golden>('filters_first_order');
  const signal = f32(golden.signal);

  it.each(golden.dcBlocker.map((c) => [c.r, c] as const))('DC blocker r = %d matches lfilter([1, -1], [1, -r]); streaming equals batch', (r, c) => {
    const batch = new Float32Array(signal.length);
    new DcBlocker(createDcBlockerPlan({ r })).process(signal, batch);
    expect(snrDb(c.output, batch)).toBeGreaterThan(100);
    for (const seed of [1, 2, 3]) expect(chunked(new DcBlocker(createDcBlockerPlan({ r })), signal, seed)).toEqual(batch);
  });

  it.each(golden.preEmphasis.map((c) => [c.coefficient, c] as const))('pre-emphasis %d matches lfilter([1, -a], 1); streaming equals batch', (a, c) => {
    const batch = new Float32Array(signal.length);
    new PreEmphasis(createPreEmphasisPlan({ coefficient: a })).process(signal, batch);
    expect(snrDb(c.output, batch)).toBeGreaterThan(100);
    for (const seed of [1, 2, 3]) expect(chunked(new PreEmphasis(createPreEmphasisPlan({ coefficient: a })), signal, seed)).toEqual(batch);
  });

  it('removes a constant offset and keeps channels apart', () => {
    const frames = 3000;
    const stereo = new Float32Array(2 * frames);
    for (let i = 0; i < frames; i++) {
      stereo[2 * i] = 9.81;
      stereo[2 * i + 1] = -2 + Math.sin(i / 5);
    }
    const out = new Float32Array(stereo.length);
    new DcBlocker(createDcBlockerPlan(), 2).process(stereo, out);
    expect(Math.abs(out[2 * (frames - 1)]!)).toBeLessThan(1e-5);
    const right = new Float32Array(frames);
    new DcBlocker(createDcBlockerPlan()).process(stereo.filter((_, i) => i % 2 === 1), right);
    expect(out.filter((_, i) => i % 2 === 1)).toEqual(right);
  });

  it('uses the documented defaults and rejects out-of-range coefficients', () => {
    expect(createDcBlockerPlan().r).toBe(0.995);
    expect(createPreEmphasisPlan().coefficient).toBe(0.97);
    expect(() => createDcBlockerPlan({ r: 1 })).toThrow(/dcBlocker: r = 1; expected a number in \[0, 1\) \(1 would be an unstable integrator\)/);
    expect(() => createDcBlockerPlan({ r: -0.1 })).toThrow(/r = -0\.1/);
    expect(() => createPreEmphasisPlan({ coefficient: 1.5 })).toThrow(/preEmphasis: coefficient = 1\.5; expected a number in \[0, 1\]/);
    expect(() => createPreEmphasisPlan({ alpha: 0.9 } as never)).toThrow(/alpha = 0\.9; expected no such option/);
  });
});
