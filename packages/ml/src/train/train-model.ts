import * as tf from '@tensorflow/tfjs';
import { createRandom, InputError, ParameterError, requireInRange, requireInteger } from '@sensorkit/dsp';
import { nextSeed, seededPermutation } from '../seed.js';
import { EarlyStopping, type EarlyStoppingOptions } from './early-stopping.js';
import { formatDuration, formatEpochProgress, ProgressPrinter } from './progress.js';

export interface TrainData {
  /** samples along the first axis */
  x: tf.Tensor;
  y: tf.Tensor;
  validation?: { x: tf.Tensor; y: tf.Tensor };
}

export interface TrainOptions {
  epochs: number;
  /** samples per gradient step (default 32) */
  batchSize?: number;
  /** fraction of the samples held out for validation, taken from the end as Keras does (ignored with data.validation) */
  validationSplit?: number;
  earlyStopping?: EarlyStoppingOptions;
  /** shuffling seed (default: the next seed after setSeed) */
  seed?: number;
  /** loss weight per class index */
  classWeight?: Record<number, number>;
  /** where the live progress line goes (default process.stderr); false for silence */
  progress?: NodeJS.WritableStream | false;
  /** prefix of the progress line, e.g. the model's name */
  label?: string;
}

export interface TrainHistory {
  loss: number[];
  accuracy?: number[];
  valLoss?: number[];
  valAccuracy?: number[];
}

export interface TrainResult {
  /** epochs actually run */
  epochs: number;
  stoppedEarly: boolean;
  history: TrainHistory;
  /** 1-based epoch with the lowest monitored loss; with early stopping, the model holds its weights */
  bestEpoch: number;
  /** wall-clock training time, s */
  seconds: number;
}

/**
 * Trains a compiled model epoch by epoch with its own seeded shuffle (repeatable), a live progress line,
 * and optional early stopping that restores the weights of the best epoch.
 * @example
 * const result = await trainModel(model, { x, y }, { epochs: 50, validationSplit: 0.2, earlyStopping: { patience: 5 }, seed: 1 });
 * console.log(result.bestEpoch, result.history.valLoss);
 */
export async function trainModel(model: tf.LayersModel, data: TrainData, options: TrainOptions): Promise<TrainResult> {
  const epochs = requireInteger('trainModel', 'epochs', options.epochs, 1);
  const batchSize = requireInteger('trainModel', 'batchSize', options.batchSize ?? 32, 1);
  const seed = options.seed === undefined ? nextSeed() : requireInteger('trainModel', 'seed', options.seed, 0, 0xffffffff);
  const sets = splitData(data, options.validationSplit);
  const monitor = options.earlyStopping?.monitor ?? (sets.validation ? 'val_loss' : 'loss');
  if (monitor === 'val_loss' && !sets.validation) {
    throw new ParameterError('trainModel', 'earlyStopping.monitor', monitor, "'loss' when there is no validation data");
  }
  const stopper = options.earlyStopping ? new EarlyStopping(options.earlyStopping) : undefined;
  const best = new EarlyStopping({ patience: Number.MAX_SAFE_INTEGER });
  const printer = options.progress === false ? undefined : new ProgressPrinter(options.progress ?? process.stderr);
  const random = createRandom(seed);
  const history: TrainHistory = { loss: [] };
  let snapshot: tf.Tensor[] | undefined;
  let stoppedEarly = false;
  const started = performance.now();
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const order = tf.tensor1d(seededPermutation(sets.train.x.shape[0] ?? 0, random), 'int32');
      const xs = tf.gather(sets.train.x, order);
      const ys = tf.gather(sets.train.y, order);
      order.dispose();
      let logs: Record<string, number[]>;
      try {
        const fitted = await model.fit(xs, ys, {
          epochs: 1,
          batchSize,
          shuffle: false,
          verbose: 0,
          ...(sets.validation ? { validationData: [sets.validation.x, sets.validation.y] as [tf.Tensor, tf.Tensor] } : {}),
          ...(options.classWeight ? { classWeight: options.classWeight } : {}),
        });
        logs = Object.fromEntries(Object.entries(fitted.history).map(([k, v]) => [k, v.map((n) => Number(n))]));
      } finally {
        xs.dispose();
        ys.dispose();
      }
      record(history, logs);
      const monitored = monitor === 'val_loss' ? last(history.valLoss) : last(history.loss);
      best.update(epoch, monitored);
      const elapsed = (performance.now() - started) / 1000;
      printer?.line(
        formatEpochProgress({
          ...(options.label ? { label: options.label } : {}),
          epoch,
          epochs,
          loss: last(history.loss),
          ...(history.valLoss ? { valLoss: last(history.valLoss) } : {}),
          ...(history.valAccuracy ? { valAccuracy: last(history.valAccuracy) } : {}),
          elapsed,
        }),
      );
      if (!stopper) continue;
      const verdict = stopper.update(epoch, monitored);
      if (verdict === 'improved') {
        snapshot?.forEach((t) => t.dispose());
        snapshot = model.getWeights().map((w) => w.clone());
      } else if (verdict === 'stop') {
        stoppedEarly = true;
        break;
      }
    }
    const run = history.loss.length;
    // Restore whenever the last epoch is not the best, stopped early or not: the caller asked for the best model.
    const restored = snapshot !== undefined && stopper !== undefined && stopper.bestEpoch !== run;
    if (restored && snapshot) model.setWeights(snapshot);
    const seconds = (performance.now() - started) / 1000;
    const bestEpoch = stopper && stopper.bestEpoch > 0 ? stopper.bestEpoch : best.bestEpoch || run;
    printer?.finish(
      `${options.label ? `${options.label}  ` : ''}${stoppedEarly ? `stopped early after epoch ${run}/${epochs}` : `trained ${run} epochs`}` +
        `; best epoch ${bestEpoch} (${monitor.replace('_', ' ')} ${formatMonitored(history, monitor, bestEpoch)})` +
        `${restored ? ', its weights restored' : ''}; ${formatDuration(seconds)}`,
    );
    return { epochs: run, stoppedEarly, history, bestEpoch, seconds };
  } finally {
    printer?.close();
    snapshot?.forEach((t) => t.dispose());
    sets.owned.forEach((t) => t.dispose());
  }
}

interface Sets {
  train: { x: tf.Tensor; y: tf.Tensor };
  validation?: { x: tf.Tensor; y: tf.Tensor };
  owned: tf.Tensor[];
}

function splitData(data: TrainData, validationSplit: number | undefined): Sets {
  const n = data.x.shape[0] ?? 0;
  checkSamples('x', data.x, 'y', data.y);
  if (data.validation) {
    checkSamples('validation.x', data.validation.x, 'validation.y', data.validation.y);
    return { train: data, validation: data.validation, owned: [] };
  }
  if (validationSplit === undefined || validationSplit === 0) return { train: data, owned: [] };
  const fraction = requireInRange('trainModel', 'validationSplit', validationSplit, 0, 1, { maxExclusive: true });
  const held = Math.floor(n * fraction);
  if (held < 1 || held >= n) {
    throw new ParameterError('trainModel', 'validationSplit', validationSplit, `a fraction leaving at least one sample on each side of ${n} samples`);
  }
  const cut = n - held;
  const parts = [
    data.x.slice(0, cut),
    data.y.slice(0, cut),
    data.x.slice(cut, held),
    data.y.slice(cut, held),
  ] as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
  return { train: { x: parts[0], y: parts[1] }, validation: { x: parts[2], y: parts[3] }, owned: parts };
}

function checkSamples(xName: string, x: tf.Tensor, yName: string, y: tf.Tensor): void {
  if (x.rank === 0 || y.rank === 0 || x.shape[0] !== y.shape[0] || x.shape[0] === 0) {
    throw new InputError(
      'trainModel',
      `${xName} has shape [${x.shape.join(', ')}] and ${yName} [${y.shape.join(', ')}]; expected the same number (> 0) of samples along axis 0`,
    );
  }
}

function record(history: TrainHistory, logs: Record<string, number[]>): void {
  const take = (key: string, ...aliases: string[]): number | undefined => {
    for (const k of [key, ...aliases]) if (logs[k]?.length) return logs[k][0];
    return undefined;
  };
  history.loss.push(take('loss') ?? Number.NaN);
  const pairs: [keyof TrainHistory, number | undefined][] = [
    ['accuracy', take('acc', 'accuracy')],
    ['valLoss', take('val_loss')],
    ['valAccuracy', take('val_acc', 'val_accuracy')],
  ];
  for (const [key, value] of pairs) if (value !== undefined) (history[key] ??= []).push(value);
}

function last(values: number[] | undefined): number {
  return values && values.length > 0 ? values[values.length - 1] : Number.NaN;
}

function formatMonitored(history: TrainHistory, monitor: 'val_loss' | 'loss', epoch: number): string {
  const value = (monitor === 'val_loss' ? history.valLoss : history.loss)?.[epoch - 1];
  return value === undefined ? '?' : value.toPrecision(4);
}
