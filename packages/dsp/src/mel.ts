import { hzToMel, melToHz, type MelScale } from './mel-scale.js';
import { describe, type Described } from './plan.js';
import { requireInRange, requireInteger, requireOneOf, requirePositive, requirePowerOfTwo, rejectUnknownOptions } from './validate.js';
import { ParameterError } from './errors.js';

export type { MelScale } from './mel-scale.js';
export { hzToMel, melToHz } from './mel-scale.js';

export interface MelOptions {
  /** Hz */
  sampleRate: number;
  /** FFT size the spectrum came from (bins = fftSize / 2 + 1) */
  fftSize: number;
  /** number of mel bands; default 40 */
  bands?: number;
  /** lower edge of the first band in Hz; default 0 */
  fMin?: number;
  /** upper edge of the last band in Hz; default sampleRate / 2 */
  fMax?: number;
  /** 'htk' (default) or 'slaney' */
  scale?: MelScale;
  /**
   * Where the triangles are linear. 'hz' (default): librosa / python_speech_features / Kaldi-like triangles
   * over bin frequencies. 'mel': triangles linear in mel, as `tf.signal.linear_to_mel_weight_matrix`
   * (which also zeroes the DC bin); the MLPerf Tiny KWS features use this.
   */
  triangles?: 'hz' | 'mel';
  /** 'none' (default): peak 1 per triangle; 'slaney': each triangle scaled to unit area (2 / bandwidth in Hz) */
  norm?: 'none' | 'slaney';
}

export interface MelPlan extends Described<Required<MelOptions>> {
  readonly bands: number;
  readonly bins: number;
  /** first FFT bin of each band */
  readonly start: Int32Array;
  /** number of bins of each band */
  readonly length: Int32Array;
  /** offset of each band's weights in `weights` */
  readonly offset: Int32Array;
  /** non-zero weights, band after band */
  readonly weights: Float32Array;
  /** band edges in Hz: bands + 2 points (lower edge, centres, upper edge) */
  readonly edgesHz: Float64Array;
}

const BLOCK = 'mel';

/**
 * Designs a triangular mel filterbank, stored sparsely (only non-zero weights are applied).
 * @example
 * const mel = createMelPlan({ sampleRate: 16000, fftSize: 512, bands: 40, fMin: 20, fMax: 4000 });
 * applyMel(mel, powerSpectrum257, energies40);
 */
export function createMelPlan(options: MelOptions): MelPlan {
  rejectUnknownOptions(BLOCK, options, ['sampleRate', 'fftSize', 'bands', 'fMin', 'fMax', 'scale', 'triangles', 'norm']);
  const sampleRate = requirePositive(BLOCK, 'sampleRate', options.sampleRate);
  const fftSize = requirePowerOfTwo(BLOCK, 'fftSize', options.fftSize, 4, 65536);
  const bands = requireInteger(BLOCK, 'bands', options.bands ?? 40, 1, 512);
  const nyquist = sampleRate / 2;
  const fMin = requireInRange(BLOCK, 'fMin', options.fMin ?? 0, 0, nyquist, { maxExclusive: true, hint: `Hz, below Nyquist = ${nyquist} Hz` });
  const fMax = requireInRange(BLOCK, 'fMax', options.fMax ?? nyquist, 0, nyquist, { minExclusive: true, hint: `Hz, at most Nyquist = ${nyquist} Hz` });
  if (fMax <= fMin) throw new ParameterError(BLOCK, 'fMax', fMax, `a frequency above fMin = ${fMin} Hz`);
  const scale = requireOneOf(BLOCK, 'scale', options.scale ?? 'htk', ['htk', 'slaney'] as const);
  const triangles = requireOneOf(BLOCK, 'triangles', options.triangles ?? 'hz', ['hz', 'mel'] as const);
  const norm = requireOneOf(BLOCK, 'norm', options.norm ?? 'none', ['none', 'slaney'] as const);
  const bins = fftSize / 2 + 1;

  const melLo = hzToMel(fMin, scale);
  const melHi = hzToMel(fMax, scale);
  const edgesMel = new Float64Array(bands + 2);
  const edgesHz = new Float64Array(bands + 2);
  for (let i = 0; i < bands + 2; i++) {
    edgesMel[i] = melLo + ((melHi - melLo) * i) / (bands + 1);
    edgesHz[i] = melToHz(edgesMel[i]!, scale);
  }

  const dense: number[][] = [];
  for (let b = 0; b < bands; b++) {
    const row = new Array<number>(bins).fill(0);
    const enorm = norm === 'slaney' ? 2 / (edgesHz[b + 2]! - edgesHz[b]!) : 1;
    for (let k = triangles === 'mel' ? 1 : 0; k < bins; k++) {
      const hz = (k * sampleRate) / fftSize;
      const [x, lo, mid, hi] =
        triangles === 'mel' ? [hzToMel(hz, scale), edgesMel[b]!, edgesMel[b + 1]!, edgesMel[b + 2]!] : [hz, edgesHz[b]!, edgesHz[b + 1]!, edgesHz[b + 2]!];
      const w = Math.max(0, Math.min((x - lo) / (mid - lo), (hi - x) / (hi - mid)));
      row[k] = w * enorm;
    }
    dense.push(row);
  }
  return { description: describe(BLOCK, 1, { sampleRate, fftSize, bands, fMin, fMax, scale, triangles, norm }), bins, bands, edgesHz, ...sparsify(dense) };
}

function sparsify(dense: number[][]): { start: Int32Array; length: Int32Array; offset: Int32Array; weights: Float32Array } {
  const start = new Int32Array(dense.length);
  const length = new Int32Array(dense.length);
  const offset = new Int32Array(dense.length);
  const weights: number[] = [];
  dense.forEach((row, b) => {
    let first = row.findIndex((w) => w > 0);
    let last = row.length - 1 - [...row].reverse().findIndex((w) => w > 0);
    if (first < 0) {
      // A band too narrow to cover any bin (many bands, small FFT): it stays empty, its energy is 0.
      first = 0;
      last = -1;
    }
    start[b] = first;
    length[b] = last - first + 1;
    offset[b] = weights.length;
    for (let k = first; k <= last; k++) weights.push(row[k]!);
  });
  return { start, length, offset, weights: Float32Array.from(weights) };
}

/** Mel band energies: out[b] = sum_k weights[b][k] * spectrum[k]. `spectrum` has plan.bins values. */
export function applyMel(plan: MelPlan, spectrum: Float32Array, out: Float32Array): void {
  const { start, length, offset, weights } = plan;
  for (let b = 0; b < plan.bands; b++) {
    const s = start[b]!;
    const o = offset[b]! - s;
    const e = s + length[b]!;
    let acc = 0;
    for (let k = s; k < e; k++) acc += weights[o + k]! * spectrum[k]!;
    out[b] = acc;
  }
}

/** The filterbank as a dense bands x bins matrix (row-major), for export and inspection. */
export function melMatrix(plan: MelPlan): Float32Array {
  const m = new Float32Array(plan.bands * plan.bins);
  for (let b = 0; b < plan.bands; b++) {
    for (let i = 0; i < plan.length[b]!; i++) m[b * plan.bins + plan.start[b]! + i] = plan.weights[plan.offset[b]! + i]!;
  }
  return m;
}
