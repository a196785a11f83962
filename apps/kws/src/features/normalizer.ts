import { InputError, ParameterError } from '@sensorkit/dsp';

/**
 * Per-feature standardisation (x - mean) / std, fitted on the training windows: MFCC c0 sits around
 * -100 while c9 is near 0, and a network trains far faster on inputs of unit scale. Kept in the model
 * folder, so classify and listen scale exactly as training did.
 */
export interface FeatureNormalizer {
  readonly mean: number[];
  readonly std: number[];
}

/** Mean and standard deviation of each of `width` features over windows laid out frame-major (std floored at 1e-3). */
export function fitNormalizer(windows: Float32Array, width: number): FeatureNormalizer {
  if (windows.length === 0 || windows.length % width !== 0) {
    throw new InputError('fitNormalizer', `${windows.length} values is not a whole, non-zero number of ${width}-value frames`);
  }
  const rows = windows.length / width;
  const sum = new Float64Array(width);
  const squares = new Float64Array(width);
  for (let i = 0; i < windows.length; i++) {
    const v = windows[i]!;
    sum[i % width] += v;
    squares[i % width] += v * v;
  }
  const mean = Array.from(sum, (s) => s / rows);
  const std = Array.from(squares, (q, j) => Math.max(Math.sqrt(Math.max(q / rows - mean[j]! ** 2, 0)), 1e-3));
  return { mean, std };
}

/** Standardises frame-major features in place. */
export function applyNormalizer(normalizer: FeatureNormalizer, features: Float32Array): Float32Array {
  const width = normalizer.mean.length;
  for (let i = 0; i < features.length; i++) features[i] = (features[i]! - normalizer.mean[i % width]!) / normalizer.std[i % width]!;
  return features;
}

/** Checks a normalizer read from a model folder. */
export function checkNormalizer(value: unknown, width: number, where: string): FeatureNormalizer {
  const n = value as Partial<FeatureNormalizer> | undefined;
  const ok = (a: unknown): a is number[] => Array.isArray(a) && a.length === width && a.every((v) => typeof v === 'number' && Number.isFinite(v));
  if (!n || !ok(n.mean) || !ok(n.std) || n.std.some((s) => s <= 0)) {
    throw new ParameterError('kws model', `${where} normalizer`, JSON.stringify(value)?.slice(0, 80), `{ mean, std } of ${width} finite numbers each, std > 0`);
  }
  return { mean: n.mean, std: n.std };
}
