import { describe, expect, it } from 'vitest';
import { f32, loadGolden, maxRelativeError, snrDb } from '../../test/helpers.js';
import { ParameterError } from '../errors.js';
import { createBiquadPlan, type BiquadOptions, type BiquadType } from './biquad.js';
import { frequencyResponse, responseMagnitudeDb } from './frequency-response.js';
import { SosFilter } from './sos.js';

interface Golden {
  signal: number[];
  sampleRate: number;
  cases: { type: BiquadType; frequency: number; q: number; gainDb?: number; sos: number[]; output: number[] }[];
  butter2At1000: { lowpass: number[]; highpass: number[] };
}

describe('biquad', () => {
  const golden = loadGolden<Golden>('filters_biquad');
  const fs = golden.sampleRate;
  const signal = f32(golden.signal);

  it.each(golden.cases.map((c) => [c.type, c] as const))('%s: cookbook coefficients, and output equal to scipy sosfilt', (_t, c) => {
    const options: BiquadOptions = { type: c.type, sampleRate: fs, frequency: c.frequency, q: c.q };
    if (c.gainDb !== undefined) options.gainDb = c.gainDb;
    const plan = createBiquadPlan(options);
    expect(maxRelativeError(c.sos, plan.sections, 1e-3)).toBeLessThan(1e-12);
    const { b0, b1, b2, a1, a2 } = plan.coefficients;
    expect(Array.from(plan.sections)).toEqual([b0, b1, b2, 1, a1, a2]);
    const out = new Float32Array(signal.length);
    new SosFilter(plan).process(signal, out);
    expect(snrDb(c.output, out)).toBeGreaterThan(100);
  });

  it('equals the bilinear 2nd-order Butterworth (scipy.signal.butter) at q = 1/sqrt(2)', () => {
    for (const type of ['lowpass', 'highpass'] as const) {
      const plan = createBiquadPlan({ type, sampleRate: fs, frequency: 1000 });
      expect(maxRelativeError(golden.butter2At1000[type], plan.sections, 1e-3)).toBeLessThan(1e-12);
    }
  });

  it('has the gains the cookbook promises at DC, the corner/centre and Nyquist', () => {
    const at = (options: BiquadOptions, f: number[]): number[] => Array.from(responseMagnitudeDb(frequencyResponse(createBiquadPlan(options), f)));
    const base = { sampleRate: 1000, frequency: 100 };
    const [lpDc, lpCorner] = at({ ...base, type: 'lowpass' }, [0, 100]);
    expect(lpDc).toBeCloseTo(0, 10);
    expect(lpCorner).toBeCloseTo(-10 * Math.log10(2), 10);
    expect(at({ ...base, type: 'lowpass' }, [500])[0]).toBeLessThan(-200);
    expect(at({ ...base, type: 'highpass' }, [500])[0]).toBeCloseTo(0, 10);
    expect(at({ ...base, type: 'highpass' }, [0])[0]).toBe(-Infinity);
    const [bpCentre, bpDc] = at({ ...base, type: 'bandpass', q: 5 }, [100, 0]);
    expect(bpCentre).toBeCloseTo(0, 10);
    expect(bpDc).toBe(-Infinity);
    expect(at({ ...base, type: 'notch', q: 5 }, [100])[0]).toBeLessThan(-200);
    expect(at({ ...base, type: 'peaking', q: 2, gainDb: -7.5 }, [100, 0, 500])).toEqual([
      expect.closeTo(-7.5, 10),
      expect.closeTo(0, 10),
      expect.closeTo(0, 10),
    ]);
    expect(at({ ...base, type: 'lowShelf', gainDb: 9 }, [0, 500])).toEqual([expect.closeTo(9, 10), expect.closeTo(0, 10)]);
    expect(at({ ...base, type: 'highShelf', gainDb: -4 }, [0, 500])).toEqual([expect.closeTo(0, 10), expect.closeTo(-4, 10)]);
  });

  it('rejects bad parameters with the argument and accepted range named', () => {
    const ok: BiquadOptions = { type: 'lowpass', sampleRate: 16000, frequency: 1000 };
    expect(() => createBiquadPlan({ ...ok, q: 0 })).toThrow(/biquad: q = 0; expected a finite number > 0/);
    expect(() => createBiquadPlan({ ...ok, q: -1 })).toThrow(ParameterError);
    expect(() => createBiquadPlan({ ...ok, frequency: 8000 })).toThrow(/frequency = 8000; expected a number in \(0, 8000\)/);
    expect(() => createBiquadPlan({ ...ok, sampleRate: -16000 })).toThrow(/sampleRate = -16000/);
    expect(() => createBiquadPlan({ ...ok, type: 'peaking' })).toThrow(/gainDb = undefined; expected a finite number/);
    expect(() => createBiquadPlan({ ...ok, gainDb: 3 })).toThrow(/gainDb = 3; expected no gainDb for type "lowpass"/);
    expect(() => createBiquadPlan({ ...ok, type: 'allpass' as BiquadType })).toThrow(/type = "allpass"/);
  });

  it('describes itself so the description rebuilds the same plan', () => {
    for (const options of [{ type: 'notch', sampleRate: 100, frequency: 50 / 3, q: 8 }, { type: 'highShelf', sampleRate: 100, frequency: 20, gainDb: 3 }] as const) {
      const plan = createBiquadPlan(options);
      expect(createBiquadPlan(plan.description.options).sections).toEqual(plan.sections);
    }
    expect(createBiquadPlan({ type: 'lowpass', sampleRate: 100, frequency: 10 }).description.options).toEqual({
      type: 'lowpass',
      sampleRate: 100,
      frequency: 10,
      q: Math.SQRT1_2,
    });
  });
});
