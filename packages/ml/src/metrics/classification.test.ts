import { describe, expect, it } from 'vitest';
import { InputError } from '@sensorkit/dsp';
import { classificationReport, classificationReportRows, confusionMatrix } from './classification.js';

const ACTUAL = ['a', 'a', 'a', 'b', 'b', 'c'];
const PREDICTED = ['a', 'a', 'b', 'b', 'c', 'c'];

describe('confusionMatrix', () => {
  it('counts actual rows against predicted columns in label order', () => {
    expect(confusionMatrix(ACTUAL, PREDICTED, ['a', 'b', 'c'])).toEqual({
      labels: ['a', 'b', 'c'],
      matrix: [
        [2, 1, 0],
        [0, 1, 1],
        [0, 0, 1],
      ],
      total: 6,
      correct: 4,
    });
    expect(confusionMatrix([0, 1, 1], [1, 1, 0], [1, 0]).matrix).toEqual([
      [1, 1],
      [1, 0],
    ]);
  });

  it('names the position and value of a label it does not know', () => {
    expect(() => confusionMatrix(['a', 'x'], ['a', 'a'], ['a', 'b'])).toThrow(InputError);
    expect(() => confusionMatrix(['a', 'x'], ['a', 'a'], ['a', 'b'])).toThrow(/actual\[1\] = "x" is not one of the labels \["a","b"\]/);
    expect(() => confusionMatrix(['a'], ['a', 'b'], ['a', 'b'])).toThrow(/1 actual labels but 2 predictions/);
    expect(() => confusionMatrix(['a'], ['a'], ['a', 'a'])).toThrow(/listed twice/);
  });
});

describe('classificationReport', () => {
  it('matches precision, recall, F1 and the averages worked by hand', () => {
    const report = classificationReport(ACTUAL, PREDICTED, ['a', 'b', 'c']);
    const expected = [
      { label: 'a', precision: 1, recall: 2 / 3, f1: 0.8, support: 3 },
      { label: 'b', precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
      { label: 'c', precision: 0.5, recall: 1, f1: 2 / 3, support: 1 },
    ];
    report.classes.forEach((c, i) => {
      expect(c.label).toBe(expected[i].label);
      expect(c.support).toBe(expected[i].support);
      for (const key of ['precision', 'recall', 'f1'] as const) expect(c[key]).toBeCloseTo(expected[i][key], 12);
    });
    expect(report.accuracy).toBeCloseTo(4 / 6, 12);
    expect(report.macro.precision).toBeCloseTo(2 / 3, 12);
    expect(report.macro.recall).toBeCloseTo((2 / 3 + 0.5 + 1) / 3, 12);
    expect(report.macro.f1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12);
    expect(report.weighted.precision).toBeCloseTo(0.75, 12);
    expect(report.weighted.recall).toBeCloseTo(4 / 6, 12);
    expect(report.weighted.f1).toBeCloseTo((3 * 0.8 + 2 * 0.5 + 2 / 3) / 6, 12);
    expect(report.macro.support).toBe(6);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('scores a class that is never predicted (or never present) as 0, not NaN', () => {
    const report = classificationReport(['a', 'a', 'b'], ['a', 'a', 'a'], ['a', 'b', 'c']);
    expect(report.classes[1]).toEqual({ label: 'b', precision: 0, recall: 0, f1: 0, support: 1 });
    expect(report.classes[2]).toEqual({ label: 'c', precision: 0, recall: 0, f1: 0, support: 0 });
    expect(report.classes[0].precision).toBeCloseTo(2 / 3, 12);
  });

  it('turns into table rows: classes, accuracy, macro and weighted averages', () => {
    const rows = classificationReportRows(classificationReport(ACTUAL, PREDICTED, ['a', 'b', 'c']));
    expect(rows.map((r) => r.class)).toEqual(['a', 'b', 'c', 'accuracy', 'macro avg', 'weighted avg']);
    expect(rows[3]).toMatchObject({ f1: 4 / 6, support: 6 });
  });
});
