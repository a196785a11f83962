import { describe, expect, it } from 'vitest';
import { f32, loadGolden, maxRelativeError, rng, snrDb } from '../../test/helpers.js';
import { ParameterError } from '../errors.js';
import type { WindowType } from '../window.js';
import { createFirPlan, type FirOptions, type FirType } from './fir-design.js';
import { FirFilter } from './fir-filter.js';

interface Golden {
  signal: number[];
  sampleRate: number;
  cases: { type: FirType; numTaps: number; cutoff: number | [number, number]; window: WindowType; scale: boolean; taps: number[]; output?: number[] }[];
}

describe('FIR', () => {
  const golden = loadGolden<Golden>('filters_fir');
  const fs = golden.sampleRate;
  const signal = f32(golden.signal);
  const plan = (c: Golden['cases'][number]): ReturnType<typeof createFirPlan> =>
    createFirPlan({ type: c.type, numTaps: c.numTaps, sampleRate: fs, cutoff: c.cutoff, window: c.window, scale: c.scale });

  it.each(golden.cases.map((c) => [c.type, c.numTaps, c.window, c] as const))('%s, %i taps, %s window: taps of scipy.signal.firwin', (_t, _n, _w, c) => {
    // window.ts stores its coefficients in float32, so taps agree to float32 rounding, not float64.
    const taps = plan(c).taps;
    const peak = Math.max(...c.taps.map(Math.abs));
    expect(maxRelativeError(c.taps, taps, 1e-3 * peak)).toBeLessThan(1e-6);
  });

  it.each(golden.cases.filter((c) => c.output).map((c) => [c.type, c.numTaps, c] as const))(
    '%s, %i taps: output of scipy.signal.lfilter(taps, 1, x) at > 100 dB SNR',
    (_t, _n, c) => {
      const out = new Float32Array(signal.length);
      new FirFilter(plan(c)).process(signal, out);
      expect(snrDb(c.output!, out)).toBeGreaterThan(100);
    },
  );

  it('streams bit-identically to one call under random chunking, per channel, in place', () => {
    const p = createFirPlan({ type: 'bandpass', numTaps: 64, sampleRate: fs, cutoff: [300, 3400] });
    const stereo = new Float32Array(2 * signal.length);
    signal.forEach((v, i) => {
      stereo[2 * i] = v;
      stereo[2 * i + 1] = -0.5 * v + (i % 13) / 13;
    });
    const batch = new Float32Array(stereo.length);
    new FirFilter(p, 2).process(stereo, batch);
    const mono = new Float32Array(signal.length);
    new FirFilter(p).process(signal, mono);
    expect(batch.filter((_, i) => i % 2 === 0)).toEqual(mono);
    for (const seed of [1, 2, 3]) {
      const next = rng(seed);
      const filter = new FirFilter(p, 2);
      const buffer = stereo.slice();
      for (let at = 0; at < buffer.length; ) {
        const n = Math.min(buffer.length - at, 2 * (1 + Math.floor(next() * 150)));
        const view = buffer.subarray(at, at + n);
        filter.process(view, view);
        at += n;
      }
      expect(buffer).toEqual(batch);
    }
  });

  it('has unit gain where firwin scales it and restarts cleanly after reset()', () => {
    const p = createFirPlan({ type: 'lowpass', numTaps: 21, sampleRate: 100, cutoff: 10 });
    expect(p.taps.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const filter = new FirFilter(p);
    const a = new Float32Array(30);
    filter.process(signal.subarray(0, 30), a);
    filter.reset();
    const b = new Float32Array(30);
    filter.process(signal.subarray(0, 30), b);
    expect(b).toEqual(a);
  });

  it('rejects bad parameters with the argument and range named, as scipy does', () => {
    const ok: FirOptions = { type: 'lowpass', numTaps: 31, sampleRate: 1000, cutoff: 100 };
    expect(() => createFirPlan({ ...ok, numTaps: 0 })).toThrow(/fir: numTaps = 0; expected an integer in 1\.\.65536/);
    expect(() => createFirPlan({ ...ok, type: 'highpass', numTaps: 30 })).toThrow(/numTaps = 30; expected an odd number for a highpass/);
    expect(() => createFirPlan({ ...ok, type: 'bandstop', numTaps: 30, cutoff: [100, 200] })).toThrow(/odd number for a bandstop/);
    expect(() => createFirPlan({ ...ok, cutoff: 500 })).toThrow(/cutoff = 500; expected a number in \(0, 500\)/);
    expect(() => createFirPlan({ ...ok, type: 'bandpass', cutoff: [300, 200] })).toThrow(/expected low < high/);
    expect(() => createFirPlan({ ...ok, window: 'kaiser' as WindowType })).toThrow(/window = "kaiser"/);
    expect(() => createFirPlan({ ...ok, sampleRate: -1 })).toThrow(ParameterError);
  });
});
