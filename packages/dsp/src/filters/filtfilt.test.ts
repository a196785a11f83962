import { describe, expect, it } from 'vitest';
import { f32, loadGolden, snrDb } from '../../test/helpers.js';
import { InputError, ParameterError } from '../errors.js';
import { createButterworthPlan } from './butterworth.js';
import { defaultPadLength, filtfilt } from './filtfilt.js';
import { createSosPlan } from './sos.js';

interface Golden {
  signal: number[];
  sampleRate: number;
  cases: { sos: number[]; output: number[]; length?: number; padlen?: number }[];
}

describe('filtfilt', () => {
  const golden = loadGolden<Golden>('filters_filtfilt');
  const signal = f32(golden.signal);

  it.each(golden.cases.map((c, i) => [i, c.sos.length / 6, c] as const))('case %i (%i sections) matches scipy.signal.sosfiltfilt', (_i, _s, c) => {
    const plan = createSosPlan({ sampleRate: golden.sampleRate, sections: c.sos });
    const input = c.length ? signal.subarray(0, c.length) : signal;
    if (c.padlen !== undefined) expect(defaultPadLength(plan)).toBe(c.padlen);
    expect(snrDb(c.output, filtfilt(plan, input))).toBeGreaterThan(100);
  });

  it('is zero-phase: a tone in the passband comes out undelayed', () => {
    const plan = createButterworthPlan({ type: 'lowpass', order: 4, sampleRate: 100, cutoff: 10 });
    const tone = new Float32Array(1000).map((_, i) => Math.sin((2 * Math.PI * 2 * i) / 100));
    const out = filtfilt(plan, tone);
    for (let i = 200; i < 800; i++) expect(out[i]).toBeCloseTo(tone[i]!, 3);
  });

  it('uses scipy default pad length 3 * (2 * sections + 1) and rejects a signal not longer than it', () => {
    const plan = createButterworthPlan({ type: 'lowpass', order: 4, sampleRate: 100, cutoff: 10 });
    expect(defaultPadLength(plan)).toBe(15);
    expect(() => filtfilt(plan, new Float32Array(15))).toThrow(InputError);
    expect(() => filtfilt(plan, new Float32Array(15))).toThrow(/filtfilt: signal of 15 samples is too short; it needs more than padLength = 15 samples/);
    expect(filtfilt(plan, new Float32Array(16)).length).toBe(16);
    expect(filtfilt(plan, new Float32Array(5).fill(1), { padLength: 0 }).length).toBe(5);
    expect(() => filtfilt(plan, new Float32Array(50), { padLength: -1 })).toThrow(ParameterError);
  });

  it('rejects NaN input naming the sample', () => {
    const plan = createButterworthPlan({ type: 'lowpass', order: 2, sampleRate: 100, cutoff: 10 });
    const x = new Float32Array(40);
    x[33] = NaN;
    expect(() => filtfilt(plan, x)).toThrow(/filtfilt: sample 33 is NaN/);
  });
});
