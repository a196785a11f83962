import { InputError } from '@sensorkit/dsp';
import { predictInt8, rocAuc, tf, type Int8Model } from '@sensorkit/ml';
import type { Sample } from './samples-file.js';

/** The float and int8 number on one test set, plus extra measured numbers for the report. */
export interface Int8Comparison {
  metric: 'accuracy' | 'auc';
  float: number;
  int8: number;
  samples: number;
  /** more numbers by name, each for int8 and, where it has one, float */
  extra: Record<string, { float?: number; int8: number }>;
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** Network outputs of the float TF.js model, in batches. */
export function predictFloat(network: tf.LayersModel, inputs: readonly Float32Array[]): Float32Array[] {
  const shape = network.inputs[0]!.shape.slice(1) as number[];
  const out: Float32Array[] = [];
  for (let start = 0; start < inputs.length; start += 256) {
    const batch = inputs.slice(start, start + 256);
    const flat = new Float32Array(batch.length * batch[0]!.length);
    batch.forEach((x, i) => flat.set(x, i * x.length));
    const data = tf.tidy(() => (network.predict(tf.tensor(flat, [batch.length, ...shape])) as tf.Tensor).dataSync());
    const width = data.length / batch.length;
    for (let i = 0; i < batch.length; i++) out.push(Float32Array.from(data.subarray(i * width, (i + 1) * width)));
  }
  return out;
}

/** Top-1 accuracy of float and int8 on labelled samples; labels are names in `labels` or class indices. */
export function compareClassifier(network: tf.LayersModel, quantized: Int8Model, samples: readonly Sample[], labels: readonly string[] | undefined): Int8Comparison {
  const truth = samples.map((s, i) => {
    const index = typeof s.label === 'number' ? s.label : labels?.indexOf(s.label ?? '') ?? -1;
    if (!Number.isInteger(index) || index < 0) throw new InputError('quantize', `test sample ${i + 1}: label ${JSON.stringify(s.label)} is not one of the model's labels ${JSON.stringify(labels ?? [])}`);
    return index;
  });
  const inputs = samples.map((s) => s.input);
  const float = predictFloat(network, inputs).map(argmax);
  const int8 = predictInt8(quantized, inputs).map(argmax);
  const rate = (pred: number[]): number => pred.filter((p, i) => p === truth[i]).length / samples.length;
  return { metric: 'accuracy', float: rate(float), int8: rate(int8), samples: samples.length, extra: { 'int8 top class = float top class': { int8: float.filter((p, i) => p === int8[i]).length / samples.length } } };
}


/** ROC AUC of abnormal against normal scores, float and int8 scored the same way. */
export function compareAnomalyScores(normal: { float: Float64Array; int8: Float64Array }, abnormal: { float: Float64Array; int8: Float64Array }, threshold: number): Int8Comparison {
  const positives = [...Array(normal.float.length).fill(false), ...Array(abnormal.float.length).fill(true)] as boolean[];
  const auc = (a: Float64Array, b: Float64Array): number => rocAuc([...a, ...b], positives);
  const alarms = (scores: Float64Array): number => scores.filter((s) => s > threshold).length / Math.max(1, scores.length);
  return {
    metric: 'auc',
    float: auc(normal.float, abnormal.float),
    int8: auc(normal.int8, abnormal.int8),
    samples: positives.length,
    extra: { 'false alarms on normal windows at the threshold': { float: alarms(normal.float), int8: alarms(normal.int8) } },
  };
}
