import { ParameterError } from '@sensorkit/dsp';
import type { FloatGraph } from './float-graph.js';
import { floatForward } from './float-forward.js';

export interface CalibrationOptions {
  /**
   * 'minmax' (default): each activation's range is the smallest and largest value seen on the
   * calibration data. 'percentile': the range drops the extreme tails (see `percentile`), which buys
   * resolution for the bulk of the values when a few outliers are far out.
   */
  method?: 'minmax' | 'percentile';
  /** for 'percentile': keep values between the (100 - p)th and pth percentiles (default 99.99) */
  percentile?: number;
}

/** Real range per tensor of the graph (index 0 the input), always including 0 so that 0 is exact. */
export interface TensorRange {
  min: number;
  max: number;
}

/**
 * Measures the range of every tensor of the float graph on representative inputs (a few hundred
 * training samples are plenty). Ranges include 0, as TFLite's, so zero padding and ReLU's floor are exact.
 * @example
 * const ranges = calibrateRanges(graph, trainingInputs.slice(0, 300));
 */
export function calibrateRanges(graph: FloatGraph, inputs: readonly Float32Array[], options: CalibrationOptions = {}): TensorRange[] {
  if (inputs.length === 0) throw new ParameterError('quantize', 'calibration inputs', 0, 'at least one representative input');
  const method = options.method ?? 'minmax';
  const p = options.percentile ?? 99.99;
  if (method === 'percentile' && !(p > 50 && p <= 100)) throw new ParameterError('quantize', 'percentile', p, 'a number in (50, 100]');
  const count = graph.ops.length + 1;
  const ranges: TensorRange[] = Array.from({ length: count }, () => ({ min: 0, max: 0 }));
  const values: number[][] = method === 'percentile' ? Array.from({ length: count }, () => []) : [];
  for (const input of inputs) {
    const tensors = floatForward(graph, input);
    tensors.forEach((t, i) => {
      const range = ranges[i]!;
      for (let j = 0; j < t.length; j++) {
        const v = t[j]!;
        if (v < range.min) range.min = v;
        if (v > range.max) range.max = v;
      }
      if (method === 'percentile') for (let j = 0; j < t.length; j++) values[i]!.push(t[j]!);
    });
  }
  if (method === 'percentile') {
    values.forEach((list, i) => {
      const sorted = Float64Array.from(list).sort();
      const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round((q / 100) * (sorted.length - 1))))]!;
      ranges[i] = { min: Math.min(0, at(100 - p)), max: Math.max(0, at(p)) };
    });
  }
  return ranges;
}
