import { describe, expect, it } from 'vitest';
import { f32, loadGolden, snrDb } from '../../test/helpers.js';
import { ParameterError } from '../errors.js';
import { createButterworthPlan, type ButterworthOptions, type ButterworthType } from './butterworth.js';
import { responseMagnitudeDb, frequencyResponse } from './frequency-response.js';
import { SosFilter } from './sos.js';

interface Design {
  type: ButterworthType;
  order: number;
  sampleRate: number;
  cutoff: number | [number, number];
  sos: number[];
}
interface Outputs {
  signal: number[];
  sampleRate: number;
  cases: { type: ButterworthType; order: number; cutoff: number | [number, number]; output: number[] }[];
}

/** Largest coefficient error relative to the largest coefficient of the same section. */
function sectionError(reference: readonly number[], actual: Float64Array): number {
  let worst = 0;
  for (let s = 0; s < reference.length; s += 6) {
    const row = reference.slice(s, s + 6);
    const size = Math.max(...row.map(Math.abs));
    for (let i = 0; i < 6; i++) worst = Math.max(worst, Math.abs(actual[s + i]! - row[i]!) / size);
  }
  return worst;
}

describe('butterworth', () => {
  const designs = loadGolden<{ designs: Design[] }>('filters_butterworth_designs').designs;

  it.each(designs.map((d) => [d.type, d.order, JSON.stringify(d.cutoff), d.sampleRate, d] as const))(
    'matches scipy.signal.butter(output="sos") for %s order %i at %s Hz, fs %i',
    (_t, _o, _c, _fs, d) => {
      const plan = createButterworthPlan({ type: d.type, order: d.order, sampleRate: d.sampleRate, cutoff: d.cutoff });
      expect(plan.sections.length).toBe(d.sos.length);
      // Same sections in the same order (same pole/zero pairing), equal to double-precision rounding (measured 7.5e-16).
      expect(sectionError(d.sos, plan.sections)).toBeLessThan(1e-13);
    },
  );

  const outputs = loadGolden<Outputs>('filters_butterworth_outputs');
  const signal = f32(outputs.signal);

  it.each(outputs.cases.map((c) => [c.type, c.order, JSON.stringify(c.cutoff), c] as const))(
    'filters like scipy.signal.sosfilt: %s order %i at %s Hz (> 100 dB SNR)',
    (_t, _o, _c, c) => {
      const plan = createButterworthPlan({ type: c.type, order: c.order, sampleRate: outputs.sampleRate, cutoff: c.cutoff });
      const out = new Float32Array(signal.length);
      new SosFilter(plan).process(signal, out);
      expect(snrDb(c.output, out)).toBeGreaterThan(100);
    },
  );

  it('puts the -3 dB points at the corners and the stated number of poles in the sections', () => {
    const fs = 1000;
    const cases: [ButterworthOptions, number[], number][] = [
      [{ type: 'lowpass', order: 5, sampleRate: fs, cutoff: 100 }, [100], 3],
      [{ type: 'highpass', order: 4, sampleRate: fs, cutoff: 20 }, [20], 2],
      [{ type: 'bandpass', order: 3, sampleRate: fs, cutoff: [50, 150] }, [50, 150], 3],
      [{ type: 'bandstop', order: 6, sampleRate: fs, cutoff: [200, 300] }, [200, 300], 6],
    ];
    for (const [options, corners, sections] of cases) {
      const plan = createButterworthPlan(options);
      expect(plan.sectionCount).toBe(sections);
      for (const db of responseMagnitudeDb(frequencyResponse(plan, corners))) expect(db).toBeCloseTo(-10 * Math.log10(2), 9);
    }
  });

  it('rejects bad parameters before designing, naming the argument and range', () => {
    const ok: ButterworthOptions = { type: 'lowpass', order: 4, sampleRate: 1000, cutoff: 100 };
    expect(() => createButterworthPlan({ ...ok, order: 0 })).toThrow(/butterworth: order = 0; expected an integer in 1\.\.12/);
    expect(() => createButterworthPlan({ ...ok, order: 13 })).toThrow(/order = 13; expected an integer in 1\.\.12/);
    expect(() => createButterworthPlan({ ...ok, order: 2.5 })).toThrow(ParameterError);
    expect(() => createButterworthPlan({ ...ok, cutoff: 500 })).toThrow(/cutoff = 500; expected a number in \(0, 500\) \(Hz, below Nyquist = 500 Hz\)/);
    expect(() => createButterworthPlan({ ...ok, cutoff: 0 })).toThrow(/cutoff = 0/);
    expect(() => createButterworthPlan({ ...ok, sampleRate: -1000 })).toThrow(/sampleRate = -1000; expected a finite number > 0/);
    expect(() => createButterworthPlan({ ...ok, type: 'bandpass', cutoff: [200, 100] })).toThrow(/cutoff = \[200,100\]; expected low < high/);
    expect(() => createButterworthPlan({ ...ok, type: 'bandpass', cutoff: [100, 100] })).toThrow(ParameterError);
    expect(() => createButterworthPlan({ ...ok, type: 'bandstop', cutoff: [100, 600] })).toThrow(/cutoff\[1\] = 600/);
    expect(() => createButterworthPlan({ ...ok, type: 'bandpass', cutoff: 100 })).toThrow(/\[low, high\] band edges/);
    expect(() => createButterworthPlan({ ...ok, cutoff: [10, 20] as never })).toThrow(/one corner frequency/);
    expect(() => createButterworthPlan({ ...ok, type: 'allpass' as never })).toThrow(/type = "allpass"; expected one of "lowpass"/);
    expect(() => createButterworthPlan({ ...ok, freq: 3 } as never)).toThrow(/freq = 3; expected no such option/);
  });

  it('describes itself so the description rebuilds the same plan', () => {
    const plan = createButterworthPlan({ type: 'bandstop', order: 3, sampleRate: 200, cutoff: [45, 55] });
    expect(plan.description).toEqual({ block: 'butterworth', version: 1, options: { type: 'bandstop', order: 3, sampleRate: 200, cutoff: [45, 55] } });
    expect(createButterworthPlan(plan.description.options).sections).toEqual(plan.sections);
  });
});
