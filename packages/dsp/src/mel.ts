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
  /**
   * Neighbouring triangles share their edges, so the filterbank is stored by segment: segment j spans
   * edges j..j+1 and bins segments[j]..segments[j+1]-1; there band j rises with weight rise[k] and band
   * j-1 falls with weight 1 - rise[k]. One pass over the bins then feeds both bands of every bin.
   */
  readonly segments: Int32Array;
  /** rising weight in [0, 1) of each bin inside its segment (0 outside the filterbank) */
  readonly rise: Float64Array;
  /** per-band gain: 1, or the Slaney area normalisation 2 / (upper edge - lower edge in Hz) */
  readonly bandScale: Float64Array;
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

  // The triangle of band b is linear in x (Hz, or mel for 'mel' triangles) between edges b, b+1, b+2.
  // tf.signal's matrix has no DC row, so the 'mel' bank never weighs bin 0.
  const edges = triangles === 'mel' ? edgesMel : edgesHz;
  const firstBin = triangles === 'mel' ? 1 : 0;
  const x = new Float64Array(bins).map((_, k) => (triangles === 'mel' ? hzToMel((k * sampleRate) / fftSize, scale) : (k * sampleRate) / fftSize));
  // segments[i] = first bin at or above edge i: segment j holds the bins in [edge j, edge j+1).
  const segments = new Int32Array(bands + 2);
  let k = firstBin;
  for (let i = 0; i < bands + 2; i++) {
    while (k < bins && x[k]! < edges[i]!) k++;
    segments[i] = k;
  }
  const rise = new Float64Array(bins);
  for (let j = 0; j <= bands; j++) {
    for (let b = segments[j]!; b < segments[j + 1]!; b++) rise[b] = (x[b]! - edges[j]!) / (edges[j + 1]! - edges[j]!);
  }
  const bandScale = new Float64Array(bands).map((_, b) => (norm === 'slaney' ? 2 / (edgesHz[b + 2]! - edgesHz[b]!) : 1));
  return {
    description: describe(BLOCK, 2, { sampleRate, fftSize, bands, fMin, fMax, scale, triangles, norm }),
    bins,
    bands,
    edgesHz,
    segments,
    rise,
    bandScale,
  };
}

/**
 * Mel band energies: out[b] = sum_k w_b[k] spectrum[k] for the plan's triangles. `spectrum` has plan.bins
 * values. Per bin one multiply-add: each segment's total and rising sums serve the two bands that share it.
 */
export function applyMel(plan: MelPlan, spectrum: Float32Array, out: Float32Array): void {
  const { segments, rise, bandScale, bands } = plan;
  let rising = 0; // band j-1's share from segment j-1, completed by segment j's falling part
  for (let j = 0; j <= bands; j++) {
    let total = 0;
    let up = 0;
    const end = segments[j + 1]!;
    for (let k = segments[j]!; k < end; k++) {
      const p = spectrum[k]!;
      total += p;
      up += rise[k]! * p;
    }
    if (j > 0) out[j - 1] = (rising + total - up) * bandScale[j - 1]!;
    rising = up;
  }
}

/** The filterbank as a dense bands x bins matrix (row-major), for export and inspection. */
export function melMatrix(plan: MelPlan): Float32Array {
  const m = new Float32Array(plan.bands * plan.bins);
  for (let j = 0; j <= plan.bands; j++) {
    for (let k = plan.segments[j]!; k < plan.segments[j + 1]!; k++) {
      if (j < plan.bands) m[j * plan.bins + k] = plan.rise[k]! * plan.bandScale[j]!;
      if (j > 0) m[(j - 1) * plan.bins + k] = (1 - plan.rise[k]!) * plan.bandScale[j - 1]!;
    }
  }
  return m;
}
