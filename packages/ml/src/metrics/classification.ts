import { InputError } from '@sensorkit/dsp';

export type Label = string | number;

export interface ConfusionMatrix<L extends Label = Label> {
  labels: L[];
  /** matrix[actual][predicted]: counts, rows and columns in the order of `labels` */
  matrix: number[][];
  total: number;
  correct: number;
}

/**
 * Counts of (actual, predicted) label pairs; rows are actual classes, columns predicted ones.
 * @example
 * confusionMatrix(['yes', 'no', 'yes'], ['yes', 'yes', 'yes'], ['yes', 'no']).matrix;   // [[2, 0], [1, 0]]
 */
export function confusionMatrix<L extends Label>(actual: readonly L[], predicted: readonly L[], labels: readonly L[]): ConfusionMatrix<L> {
  if (actual.length !== predicted.length) {
    throw new InputError('confusionMatrix', `${actual.length} actual labels but ${predicted.length} predictions; expected equal counts`);
  }
  const index = new Map<L, number>();
  labels.forEach((label, i) => {
    if (index.has(label)) throw new InputError('confusionMatrix', `label ${JSON.stringify(label)} is listed twice in labels`);
    index.set(label, i);
  });
  const matrix = labels.map(() => labels.map(() => 0));
  let correct = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = index.get(actual[i]);
    const p = index.get(predicted[i]);
    if (a === undefined) throw unknownLabel('actual', i, actual[i], labels);
    if (p === undefined) throw unknownLabel('predicted', i, predicted[i], labels);
    matrix[a][p]++;
    if (a === p) correct++;
  }
  return { labels: [...labels], matrix, total: actual.length, correct };
}

function unknownLabel(which: string, i: number, value: Label, labels: readonly Label[]): InputError {
  return new InputError('confusionMatrix', `${which}[${i}] = ${JSON.stringify(value)} is not one of the labels ${JSON.stringify(labels)}`);
}

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  /** samples whose actual class this is */
  support: number;
}

export interface ClassificationReport<L extends Label = Label> {
  classes: (ClassScores & { label: L })[];
  accuracy: number;
  /** unweighted mean over classes */
  macro: ClassScores;
  /** mean over classes weighted by support */
  weighted: ClassScores;
  total: number;
}

/**
 * Per-class precision, recall, F1 and support, accuracy, and macro / support-weighted averages (as
 * scikit-learn's classification_report; a ratio with a zero denominator counts as 0).
 */
export function classificationReport<L extends Label>(
  actual: readonly L[],
  predicted: readonly L[],
  labels: readonly L[],
): ClassificationReport<L> {
  return reportFromConfusion(confusionMatrix(actual, predicted, labels));
}

/** The classification report of an existing confusion matrix. */
export function reportFromConfusion<L extends Label>(confusion: ConfusionMatrix<L>): ClassificationReport<L> {
  const { labels, matrix, total } = confusion;
  const classes = labels.map((label, c) => {
    const tp = matrix[c][c];
    const support = matrix[c].reduce((s, v) => s + v, 0);
    const predicted = matrix.reduce((s, row) => s + row[c], 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    return { label, precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  });
  const average = (weight: (c: ClassScores) => number): ClassScores => {
    const sum = classes.reduce((s, c) => s + weight(c), 0);
    const mean = (key: 'precision' | 'recall' | 'f1'): number => ratio(classes.reduce((s, c) => s + weight(c) * c[key], 0), sum);
    return { precision: mean('precision'), recall: mean('recall'), f1: mean('f1'), support: total };
  };
  return {
    classes,
    accuracy: ratio(confusion.correct, total),
    macro: average(() => 1),
    weighted: average((c) => c.support),
    total,
  };
}

/** Rows for formatTable: one per class, then accuracy and the two averages. */
export function classificationReportRows(report: ClassificationReport): Record<string, string | number>[] {
  const row = (name: string, s: ClassScores): Record<string, string | number> => ({
    class: name,
    precision: s.precision,
    recall: s.recall,
    f1: s.f1,
    support: s.support,
  });
  return [
    ...report.classes.map((c) => row(String(c.label), c)),
    { class: 'accuracy', precision: '', recall: '', f1: report.accuracy, support: report.total },
    row('macro avg', report.macro),
    row('weighted avg', report.weighted),
  ];
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}
