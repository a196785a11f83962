import { ParameterError } from '../errors.js';
import { describe, type Described } from '../plan.js';
import { requireInteger, requireOneOf, rejectUnknownOptions } from '../validate.js';

/**
 * Every statistic the block knows, in its canonical order (the default output order).
 * - `mean`: Σx / N (signal units, e.g. g)
 * - `rms`: √(Σx² / N), around zero, not around the mean (signal units)
 * - `peak`: max |x| (signal units)
 * - `peakToPeak`: max x − min x (signal units)
 * - `crest`: peak / rms (dimensionless; 0 when rms = 0)
 * - `skewness`: m3 / m2^1.5 with biased central moments m_k = Σ(x − mean)^k / N, exactly
 *   `scipy.stats.skew(x)` with its defaults (0 where scipy gives NaN: a constant frame)
 * - `kurtosis`: m4 / m2², minus 3 by default (Fisher's excess kurtosis, `scipy.stats.kurtosis(x)`
 *   defaults: 0 for Gaussian data); with `kurtosis: 'pearson'` the 3 is kept (3 for Gaussian data,
 *   the convention of vibration analysis); 0 for a constant frame either way
 * - `zeroCrossingRate`: fraction of the N − 1 adjacent sample pairs whose signs differ, where a sample
 *   is negative when x < 0 and non-negative otherwise: zeros count as positive, as librosa's default
 *   `zero_pos=True` (which, unlike here, calls −0 negative), so [1, 0, −1] has one crossing, not two;
 *   0 when N = 1
 */
export const TIME_STATS = ['mean', 'rms', 'peak', 'peakToPeak', 'crest', 'skewness', 'kurtosis', 'zeroCrossingRate'] as const;
export type TimeStat = (typeof TIME_STATS)[number];

export const KURTOSIS_CONVENTIONS = ['fisher', 'pearson'] as const;
export type KurtosisConvention = (typeof KURTOSIS_CONVENTIONS)[number];

export interface TimeStatsOptions {
  /** frame length in samples, >= 1 */
  length: number;
  /** statistics to compute, in output order; default: all of TIME_STATS in canonical order */
  stats?: readonly TimeStat[];
  /** 'fisher' (default, excess: 0 for Gaussian, as scipy) or 'pearson' (3 for Gaussian) */
  kurtosis?: KurtosisConvention;
}

export interface TimeStatsPlan extends Described<Required<TimeStatsOptions>> {
  readonly length: number;
  /** the selected statistics: `out[i]` holds `stats[i]` */
  readonly stats: readonly TimeStat[];
  /** number of values written per frame (= stats.length) */
  readonly outputLength: number;
  readonly kurtosis: KurtosisConvention;
  /** whether the second pass (central moments) is needed */
  readonly needsMoments: boolean;
}

const BLOCK = 'timeStats';

/**
 * Plans time-domain statistics over frames of `length` samples.
 * @example
 * const plan = createTimeStatsPlan({ length: 256, stats: ['rms', 'peak', 'kurtosis'], kurtosis: 'pearson' });
 * const out = new Float32Array(plan.outputLength);
 * computeTimeStats(plan, frame, out); // out = [rms, peak, kurtosis (≈ 3 for Gaussian noise)]
 */
export function createTimeStatsPlan(options: TimeStatsOptions): TimeStatsPlan {
  rejectUnknownOptions(BLOCK, options, ['length', 'stats', 'kurtosis']);
  const length = requireInteger(BLOCK, 'length', options.length, 1, 1 << 24);
  const stats = requireStatList(options.stats ?? TIME_STATS);
  const kurtosis = requireOneOf(BLOCK, 'kurtosis', options.kurtosis ?? 'fisher', KURTOSIS_CONVENTIONS);
  const needsMoments = stats.includes('skewness') || stats.includes('kurtosis');
  return {
    description: describe(BLOCK, 1, { length, stats, kurtosis }),
    length,
    stats,
    outputLength: stats.length,
    kurtosis,
    needsMoments,
  };
}

function requireStatList(value: unknown): readonly TimeStat[] {
  const expected = `a non-empty array of distinct names from ${TIME_STATS.map((s) => JSON.stringify(s)).join(', ')}`;
  if (!Array.isArray(value) || value.length === 0) throw new ParameterError(BLOCK, 'stats', value, expected);
  value.forEach((name: unknown, i) => {
    requireOneOf(BLOCK, `stats[${i}]`, name, TIME_STATS);
    if (value.indexOf(name) !== i) throw new ParameterError(BLOCK, `stats[${i}]`, name, `${expected} (duplicate)`);
  });
  return Object.freeze([...(value as TimeStat[])]);
}

/**
 * Fills `out[0..plan.outputLength)` with the plan's statistics of `frame[0..plan.length)`, in plan order.
 * Computed in float64 in two passes (sums, then central moments about the exact mean, which is more
 * accurate than one-pass raw moments). No validation, no allocation.
 */
export function computeTimeStats(plan: TimeStatsPlan, frame: Float32Array, out: Float32Array | Float64Array): void {
  const n = plan.length;
  let sum = 0;
  let sumSquares = 0;
  let min = Infinity;
  let max = -Infinity;
  let crossings = 0;
  let wasNegative = frame[0]! < 0;
  for (let i = 0; i < n; i++) {
    const v = frame[i]!;
    sum += v;
    sumSquares += v * v;
    if (v < min) min = v;
    if (v > max) max = v;
    const negative = v < 0;
    if (negative !== wasNegative) crossings++;
    wasNegative = negative;
  }
  const mean = sum / n;
  const rms = Math.sqrt(sumSquares / n);
  const peak = Math.max(max, -min);

  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  if (plan.needsMoments) {
    for (let i = 0; i < n; i++) {
      const d = frame[i]! - mean;
      const d2 = d * d;
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;
  }

  const crest = rms > 0 ? peak / rms : 0;
  // A constant frame has m2 = 0 exactly (float32 samples sum exactly in float64), so its undefined
  // shape statistics are reported as 0 rather than scipy's NaN.
  const skewness = m2 > 0 ? m3 / (m2 * Math.sqrt(m2)) : 0;
  const kurtosis = m2 > 0 ? m4 / (m2 * m2) - (plan.kurtosis === 'fisher' ? 3 : 0) : 0;
  const zeroCrossingRate = n > 1 ? crossings / (n - 1) : 0;

  const stats = plan.stats;
  for (let j = 0; j < stats.length; j++) {
    switch (stats[j]!) {
      case 'mean':
        out[j] = mean;
        break;
      case 'rms':
        out[j] = rms;
        break;
      case 'peak':
        out[j] = peak;
        break;
      case 'peakToPeak':
        out[j] = max - min;
        break;
      case 'crest':
        out[j] = crest;
        break;
      case 'skewness':
        out[j] = skewness;
        break;
      case 'kurtosis':
        out[j] = kurtosis;
        break;
      case 'zeroCrossingRate':
        out[j] = zeroCrossingRate;
        break;
    }
  }
}
