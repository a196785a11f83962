import { confusionMatrix, reportFromConfusion, type ClassificationReport, type ConfusionMatrix } from '@sensorkit/ml';
import type { GestureData } from '../data/load-gesture-data.js';
import { trainGestureModel, type TrainGestureOptions } from './train-gesture-model.js';

export interface CrossValidation {
  folds: number;
  /** true label and prediction of every segment, each predicted by the model that did not train on it */
  actual: string[];
  predicted: string[];
  confusion: ConfusionMatrix<string>;
  report: ClassificationReport<string>;
  accuracy: number;
  /** accuracy of each fold's model on its held-out segments */
  perFold: number[];
}

/**
 * Trains one model per fold on the other folds and predicts the fold's segments: an estimate of how the
 * model does on data it never saw (new persons, when the data knows its persons).
 * @example
 * const cv = await crossValidate(data, assignFolds(data.segments, 5, 1), { epochs: 30, progress: false });
 * cv.accuracy; // 0.98
 */
export async function crossValidate(data: GestureData, folds: readonly number[], options: TrainGestureOptions = {}): Promise<CrossValidation> {
  const k = Math.max(...folds) + 1;
  const actual: string[] = [];
  const predicted: string[] = [];
  const perFold: number[] = [];
  for (let f = 0; f < k; f++) {
    const train = data.segments.filter((_, i) => folds[i] !== f);
    const test = data.segments.filter((_, i) => folds[i] === f);
    if (test.length === 0) continue;
    const { model } = await trainGestureModel(data, train, options);
    try {
      const predictions = model.classifyMany(test.map((s) => s.samples));
      let right = 0;
      test.forEach((s, i) => {
        actual.push(s.label);
        predicted.push(predictions[i]!.label);
        if (predictions[i]!.label === s.label) right++;
      });
      perFold.push(right / test.length);
    } finally {
      model.network.dispose();
    }
  }
  const confusion = confusionMatrix(actual, predicted, data.labels);
  const report = reportFromConfusion(confusion);
  return { folds: k, actual, predicted, confusion, report, accuracy: report.accuracy, perFold };
}
