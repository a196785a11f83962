import { describe, expect, it } from 'vitest';
import { ParameterError } from '@sensorkit/dsp';
import { EarlyStopping } from './early-stopping.js';

function run(values: number[], patience: number, minDelta?: number): string[] {
  const stopper = new EarlyStopping({ patience, ...(minDelta === undefined ? {} : { minDelta }) });
  return values.map((v, i) => stopper.update(i + 1, v));
}

describe('EarlyStopping', () => {
  it('stops once patience epochs pass without a new best', () => {
    expect(run([5, 4, 4.5, 4.2, 4.1, 3.9], 2)).toEqual(['improved', 'improved', 'wait', 'wait', 'stop', 'improved']);
    const stopper = new EarlyStopping({ patience: 2 });
    [5, 4, 4.5, 4.2].forEach((v, i) => stopper.update(i + 1, v));
    expect(stopper.bestEpoch).toBe(2);
    expect(stopper.bestValue).toBe(4);
  });

  it('counts only decreases larger than minDelta, and never NaN, as improvements', () => {
    expect(run([1, 0.95, 0.89, 0.85], 5, 0.1)).toEqual(['improved', 'wait', 'improved', 'wait']);
    expect(run([1, Number.NaN, Number.NaN], 1)).toEqual(['improved', 'wait', 'stop']);
    expect(run([3, 3, 3], 0)).toEqual(['improved', 'stop', 'stop']);
  });

  it('refuses a negative patience or minDelta', () => {
    expect(() => new EarlyStopping({ patience: -1 })).toThrow(ParameterError);
    expect(() => new EarlyStopping({ patience: 1, minDelta: -0.1 })).toThrow(/minDelta = -0.1/);
  });
});
