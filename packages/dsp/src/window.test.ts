import { describe, expect, it } from 'vitest';
import { loadGolden, maxRelativeError } from '../test/helpers.js';
import { ParameterError } from './errors.js';
import { applyWindow, createWindowPlan, type WindowType } from './window.js';

interface GoldenWindow {
  type: WindowType;
  length: number;
  symmetric: boolean;
  values: number[];
}

describe('window', () => {
  const golden = loadGolden<{ windows: GoldenWindow[] }>('windows').windows;

  it.each(golden.map((g) => [g.type, g.length, g.symmetric ? 'symmetric' : 'periodic', g] as const))(
    'matches scipy.signal.get_window for %s, length %i, %s',
    (_type, _length, _kind, g) => {
      const plan = createWindowPlan({ type: g.type, length: g.length, symmetric: g.symmetric });
      // float32 storage of double-precision coefficients: relative error bounded by float32 rounding.
      expect(maxRelativeError(g.values, plan.coefficients, 1e-6)).toBeLessThan(1e-6);
    },
  );

  it('applies in place without touching samples past the window', () => {
    const plan = createWindowPlan({ type: 'hann', length: 4, symmetric: true });
    const buf = Float32Array.from([1, 1, 1, 1, 7]);
    applyWindow(plan, buf, buf);
    expect(Array.from(buf)).toEqual([0, 0.75, 0.75, 0, 7]);
  });

  it('rejects bad options with the argument and range named', () => {
    expect(() => createWindowPlan({ length: 0 })).toThrow(/window: length = 0; expected an integer in 1\.\.16777216/);
    expect(() => createWindowPlan({ length: 10, type: 'kaiser' as WindowType })).toThrow(ParameterError);
    expect(() => createWindowPlan({ length: 10, type: 'kaiser' as WindowType })).toThrow(/"kaiser".*one of "hann"/);
    expect(() => createWindowPlan({ length: 10, symetric: true } as never)).toThrow(/symetric.*no such option/);
  });
});
