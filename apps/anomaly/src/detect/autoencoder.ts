import { createRandom, ParameterError, requireInteger, requirePositive } from '@sensorkit/dsp';
import { denseNetwork, initBackend, tf, trainModel } from '@sensorkit/ml';
import type { Deviation } from '../contracts.js';
import type { Detector, DetectorJSON } from './detector.js';
import { requireRows, Standardizer } from './standardizer.js';

export interface AutoencoderOptions {
  /** widths of the encoder's hidden layers, then the bottleneck; the decoder mirrors them. Default [32, 32, 8] */
  encoder?: readonly number[];
  /** training epochs at most; default 80 */
  epochs?: number;
  /** default 32 */
  batchSize?: number;
  /** Adam learning rate; default 0.003 */
  learningRate?: number;
  /** epochs without validation improvement before stopping; default 10 */
  patience?: number;
  /** seeds weight initialisation, the validation split and shuffling; default 1 */
  seed?: number;
  /** where the training progress line goes; default false (silent) */
  progress?: NodeJS.WritableStream | false;
}

interface AutoencoderParams {
  encoder: number[];
  seed: number;
  epochs: number;
  bestEpoch: number;
}

const BLOCK = 'autoencoder';

/**
 * Dense autoencoder novelty model, MLPerf Tiny AD style but sized for a few dozen features: standardised
 * features through encoder layers to a bottleneck and back (ReLU, linear output), trained with Adam on
 * MSE on normal windows only (10 % held out for early stopping); score = mean squared reconstruction
 * error in standardised units.
 * @example
 * const detector = new AutoencoderDetector(plan.names, { seed: 1 });
 * await detector.fit(normalRows);
 * detector.scoreMany(rows);
 */
export class AutoencoderDetector implements Detector {
  readonly kind = 'autoencoder' as const;
  private readonly options: Required<Omit<AutoencoderOptions, 'progress'>> & { progress: NodeJS.WritableStream | false };
  private standardizer: Standardizer | undefined;
  private model: tf.LayersModel | undefined;
  private bestEpoch = 0;

  constructor(
    readonly names: readonly string[],
    options: AutoencoderOptions = {},
  ) {
    const encoder = [...(options.encoder ?? [32, 32, 8])];
    if (encoder.length === 0) throw new ParameterError(BLOCK, 'encoder', encoder, 'at least one layer width');
    encoder.forEach((w, i) => requireInteger(BLOCK, `encoder[${i}]`, w, 1, 4096));
    this.options = {
      encoder,
      epochs: requireInteger(BLOCK, 'epochs', options.epochs ?? 80, 1, 10000),
      batchSize: requireInteger(BLOCK, 'batchSize', options.batchSize ?? 32, 1, 65536),
      learningRate: requirePositive(BLOCK, 'learningRate', options.learningRate ?? 0.003),
      patience: requireInteger(BLOCK, 'patience', options.patience ?? 10, 0, 10000),
      seed: requireInteger(BLOCK, 'seed', options.seed ?? 1, 0, 2 ** 32 - 1),
      progress: options.progress ?? false,
    };
  }

  /** The trained TF.js network (saved as a TF.js model in a model folder). */
  get network(): tf.LayersModel {
    if (!this.model) throw new Error('autoencoder: no network before fit');
    return this.model;
  }

  async fit(rows: readonly Float64Array[]): Promise<void> {
    requireRows(BLOCK, this.names, rows, 10);
    await initBackend();
    const { encoder, seed } = this.options;
    const p = this.names.length;
    const standardizer = Standardizer.fit(this.names, rows);
    const z = rows.map((row) => standardizer.transform(row));
    const { train, validation } = splitRows(z, 0.1, seed);
    const model = denseNetwork({ inputs: p, layers: [...encoder, ...encoder.slice(0, -1).reverse(), p], activation: 'relu', seed, name: 'autoencoder' });
    model.compile({ optimizer: tf.train.adam(this.options.learningRate), loss: 'meanSquaredError' });
    const x = toTensor(train, p);
    const vx = toTensor(validation, p);
    try {
      const result = await trainModel(model, { x, y: x, validation: { x: vx, y: vx } }, {
        epochs: this.options.epochs,
        batchSize: this.options.batchSize,
        earlyStopping: { patience: this.options.patience },
        seed,
        progress: this.options.progress,
        label: 'autoencoder',
      });
      this.bestEpoch = result.bestEpoch;
    } finally {
      x.dispose();
      vx.dispose();
    }
    this.model?.dispose();
    this.model = model;
    this.standardizer = standardizer;
  }

  score(row: Float64Array): number {
    return this.scoreMany([row])[0]!;
  }

  scoreMany(rows: readonly Float64Array[]): Float64Array {
    const { standardizer, model } = this.fitted();
    if (rows.length === 0) return new Float64Array(0);
    const p = this.names.length;
    const z = rows.map((row) => standardizer.transform(row));
    const errors = tf.tidy(() => {
      const x = toTensor(z, p);
      return tf.mean(tf.square(tf.sub(model.predict(x) as tf.Tensor, x)), 1);
    });
    const scores = Float64Array.from(errors.dataSync());
    errors.dispose();
    return scores;
  }

  explain(row: Float64Array, count = 3): Deviation[] {
    return this.fitted().standardizer.deviations(row, count);
  }

  toJSON(): DetectorJSON {
    const { standardizer } = this.fitted();
    const params: AutoencoderParams = { encoder: [...this.options.encoder], seed: this.options.seed, epochs: this.options.epochs, bestEpoch: this.bestEpoch };
    return { kind: 'autoencoder', standardizer: standardizer.toJSON(), params: { ...params } };
  }

  /** Rebuilds a trained detector from its JSON and its TF.js network (as loaded from a model folder). */
  static fromJSON(json: DetectorJSON, network: tf.LayersModel): AutoencoderDetector {
    const params = json.params as unknown as AutoencoderParams;
    const standardizer = Standardizer.fromJSON(json.standardizer);
    const p = standardizer.names.length;
    const inputs = network.inputs[0]?.shape[1];
    if (inputs !== p) throw new ParameterError(BLOCK, 'network input width', inputs, `${p} (one per feature)`);
    const detector = new AutoencoderDetector(standardizer.names, { encoder: params.encoder, seed: params.seed, epochs: params.epochs });
    detector.standardizer = standardizer;
    detector.model = network;
    detector.bestEpoch = params.bestEpoch;
    return detector;
  }

  /** Frees the network's tensors. */
  dispose(): void {
    this.model?.dispose();
    this.model = undefined;
  }

  private fitted(): { standardizer: Standardizer; model: tf.LayersModel } {
    if (!this.standardizer || !this.model) throw new Error('autoencoder: score or save before fit');
    return { standardizer: this.standardizer, model: this.model };
  }
}

function toTensor(rows: readonly Float64Array[], p: number): tf.Tensor2D {
  const flat = new Float32Array(rows.length * p);
  rows.forEach((row, i) => flat.set(row, i * p));
  return tf.tensor2d(flat, [rows.length, p]);
}

/** A seeded random split: `fraction` of the rows (at least one) for validation, the rest for training. */
function splitRows(rows: readonly Float64Array[], fraction: number, seed: number): { train: Float64Array[]; validation: Float64Array[] } {
  const random = createRandom(seed ^ 0x5eed);
  const held = Math.max(1, Math.round(rows.length * fraction));
  const order = rows.map((_, i) => ({ i, key: random.uniform() })).sort((a, b) => a.key - b.key);
  const heldSet = new Set(order.slice(0, held).map((o) => o.i));
  return { train: rows.filter((_, i) => !heldSet.has(i)), validation: rows.filter((_, i) => heldSet.has(i)) };
}
