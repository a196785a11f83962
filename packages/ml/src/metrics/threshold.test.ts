import { describe, expect, it } from 'vitest';
import { createRandom, InputError, ParameterError } from '@sensorkit/dsp';
import { falseAcceptsPerHour } from './rates.js';
import { alarmRate, thresholdAtFpr } from './threshold.js';

describe('thresholdAtFpr', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);

  it('leaves exactly floor(fpr * n) normal scores above the threshold', () => {
    expect(thresholdAtFpr(oneToHundred, 0.05)).toBe(95);
    expect(alarmRate(oneToHundred, 95)).toBe(0.05);
    // 0.29 * 100 is 28.999999999999996 in floating point; the answer must still allow 29 alarms.
    expect(thresholdAtFpr(oneToHundred, 0.29)).toBe(71);
    expect(thresholdAtFpr(oneToHundred, 0)).toBe(100);
    expect(thresholdAtFpr(oneToHundred, 0.999)).toBe(1);
    expect(thresholdAtFpr([3, 3, 3, 1], 0.25)).toBe(3);
  });

  it('holds the promised false-alarm rate on fresh normal data', () => {
    const random = createRandom(17);
    const calibration = Float32Array.from({ length: 5000 }, () => random.gaussian());
    const fresh = Float32Array.from({ length: 20000 }, () => random.gaussian());
    const threshold = thresholdAtFpr(calibration, 0.01);
    // The N(0, 1) 99th percentile is 2.326; 5000 draws pin the estimate to about +-0.05.
    expect(threshold).toBeGreaterThan(2.2);
    expect(threshold).toBeLessThan(2.45);
    const rate = alarmRate(fresh, threshold);
    expect(rate).toBeGreaterThan(0.005);
    expect(rate).toBeLessThan(0.015);
  });

  it('refuses an empty set, NaN scores and an fpr outside [0, 1)', () => {
    expect(() => thresholdAtFpr([], 0.1)).toThrow(InputError);
    expect(() => thresholdAtFpr([1, Number.NaN], 0.1)).toThrow(/normal score 1 is NaN/);
    expect(() => thresholdAtFpr([1, 2], 1)).toThrow(ParameterError);
  });
});

describe('falseAcceptsPerHour', () => {
  it('scales a count over a stream length in seconds to one hour', () => {
    expect(falseAcceptsPerHour(3, 7200)).toBe(1.5);
    expect(falseAcceptsPerHour(0, 10)).toBe(0);
    expect(falseAcceptsPerHour(1, 60)).toBe(60);
  });

  it('refuses a non-positive length and a negative count', () => {
    expect(() => falseAcceptsPerHour(1, 0)).toThrow(/falseAcceptsPerHour: seconds = 0; expected a finite number > 0/);
    expect(() => falseAcceptsPerHour(-1, 10)).toThrow(ParameterError);
  });
});
