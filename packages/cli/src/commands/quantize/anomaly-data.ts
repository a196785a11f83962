import { access } from 'node:fs/promises';
import { InputError } from '@sensorkit/dsp';
import { AutoencoderDetector, fileFeatures, loadAnomalyModel, Standardizer, type AnomalyModel } from '@sensorkit/anomaly';
import { predictInt8, type Int8Model, type tf } from '@sensorkit/ml';
import { predictFloat } from './evaluate-int8.js';

/**
 * The anomaly app's autoencoder for quantization. The standardizer stays float on the host: the int8
 * network takes standardized features (z) and returns their reconstruction; the score is the mean squared
 * difference between the dequantized reconstruction and z, as the float detector computes it. (Folding
 * the standardizer into the first layer would save the board ~2 p multiplies but the score needs z anyway.)
 */
export interface AnomalyQuantizeData {
  model: AnomalyModel;
  network: tf.LayersModel;
  /** standardized feature rows of recordings */
  rowsOf(files: readonly string[]): Promise<Float32Array[]>;
  /** the model's training recordings that still exist (the default calibration data) */
  trainingFiles(): Promise<string[]>;
  floatScores(z: readonly Float32Array[]): Float64Array;
  int8Scores(int8: Int8Model, z: readonly Float32Array[]): Float64Array;
}

export async function anomalyQuantizeData(dir: string): Promise<AnomalyQuantizeData> {
  const model = await loadAnomalyModel(dir);
  const detector = model.detector;
  if (!(detector instanceof AutoencoderDetector)) {
    throw new InputError('quantize', `${dir}: a ${detector.kind} detector has no network to quantize; train with --detector autoencoder`);
  }
  const standardizer = Standardizer.fromJSON(detector.toJSON().standardizer);
  const network = detector.network;
  const mse = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
    return sum / a.length;
  };
  return {
    model,
    network,
    async rowsOf(files) {
      const rows: Float32Array[] = [];
      for (const file of files) {
        const { rows: windows } = await fileFeatures(file, model.features);
        for (const w of windows) rows.push(Float32Array.from(standardizer.transform(w.values)));
      }
      return rows;
    },
    async trainingFiles() {
      const files: string[] = [];
      for (const input of model.training.inputs) {
        try {
          await access(input.file);
          files.push(input.file);
        } catch {
          // moved or deleted since training: calibrate on what is left, or on --calibration
        }
      }
      return files;
    },
    floatScores(z) {
      const out = predictFloat(network, z);
      return Float64Array.from(z, (row, i) => mse(out[i]!, row));
    },
    int8Scores(int8, z) {
      const out = predictInt8(int8, z);
      return Float64Array.from(z, (row, i) => mse(out[i]!, row));
    },
  };
}
