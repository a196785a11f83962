import { ParameterError } from '../errors.js';
import { describe, type Described } from '../plan.js';
import {
  requireBoolean,
  requireInRange,
  requireInteger,
  requireOneOf,
  requirePositive,
  requirePowerOfTwo,
  rejectUnknownOptions,
} from '../validate.js';
import { BAND_SCALES, bandBins, type BandBins, type BandScale } from './band-powers.js';
import { createSpectralFluxPlan, SPECTRUM_KINDS, type SpectralFluxPlan, type SpectrumKind } from './spectral-flux.js';

/**
 * Features the extractor knows. Each writes one value except `bandPowers` (one per band) and `peaks`
 * (frequency, magnitude pairs). Definitions: spectral-shape.ts (centroid, spread, skewness, kurtosis,
 * flatness, rolloff, slope, crest), band-powers.ts, spectral-peaks.ts, spectral-flux.ts.
 */
export const SPECTRAL_FEATURES = [
  'centroid',
  'spread',
  'skewness',
  'kurtosis',
  'flatness',
  'rolloff',
  'flux',
  'slope',
  'crest',
  'bandPowers',
  'peaks',
] as const;
export type SpectralFeature = (typeof SPECTRAL_FEATURES)[number];

/** Used when `features` is not given: every feature that needs no further option and no state. */
export const DEFAULT_SPECTRAL_FEATURES: readonly SpectralFeature[] = Object.freeze([
  'centroid',
  'spread',
  'skewness',
  'kurtosis',
  'flatness',
  'rolloff',
  'slope',
  'crest',
]);

export interface SpectralFeaturesOptions {
  /** Hz, of the signal the spectra were computed from */
  sampleRate: number;
  /** FFT size in samples (power of two, 2..65536): spectra hold fftSize / 2 + 1 bins, DC..Nyquist */
  fftSize: number;
  /** features in output order; default DEFAULT_SPECTRAL_FEATURES */
  features?: readonly SpectralFeature[];
  /** what input spectra hold: 'power' (default, |X|² as `powerSpectrum` writes) or 'magnitude' */
  input?: SpectrumKind;
  /** rolloff fraction of total power, in (0, 1); default 0.85 */
  rolloffFraction?: number;
  /** band edges in Hz for `bandPowers`: increasing, within [0, Nyquist]; n edges make n − 1 bands */
  bandEdges?: readonly number[];
  /** `bandPowers` as summed power ('linear', default) or dB ('db') */
  bandScale?: BandScale;
  /** number of peaks K reported by `peaks`, >= 1; default 3 */
  peaks?: number;
  /** scale magnitude spectra to unit L2 norm before `flux`; default false */
  fluxNormalize?: boolean;
  /** power floor (|X|² units) for flatness and dB band powers; default 1e-10, librosa's amin */
  powerFloor?: number;
}

export interface SpectralFeaturesPlan extends Described<SpectralFeaturesOptions> {
  readonly sampleRate: number;
  readonly fftSize: number;
  /** fftSize / 2 + 1 */
  readonly bins: number;
  /** Hz between bins: sampleRate / fftSize */
  readonly binHz: number;
  readonly features: readonly SpectralFeature[];
  readonly input: SpectrumKind;
  readonly rolloffFraction: number;
  readonly bandScale: BandScale;
  readonly peaks: number;
  readonly powerFloor: number;
  /** centre frequency in Hz of each bin, k · sampleRate / fftSize */
  readonly frequencies: Float64Array;
  /** bin ranges of the bands (empty without bandEdges) */
  readonly bands: BandBins;
  readonly flux: SpectralFluxPlan;
  /** offset in the output of each entry of `features` */
  readonly offsets: Int32Array;
  /** values written per spectrum */
  readonly outputLength: number;
  /** name of every output value: 'centroid', …, 'band0', …, 'peak1Hz', 'peak1Magnitude', … */
  readonly names: readonly string[];
}

const BLOCK = 'spectralFeatures';
const KNOWN = ['sampleRate', 'fftSize', 'features', 'input', 'rolloffFraction', 'bandEdges', 'bandScale', 'peaks', 'fluxNormalize', 'powerFloor'];

/**
 * Plans spectral features over spectra of bins 0..fftSize/2: validates every option, precomputes bin
 * frequencies, band bin ranges and the output layout.
 * @example
 * const plan = createSpectralFeaturesPlan({
 *   sampleRate: 16000, fftSize: 512, features: ['centroid', 'rolloff', 'bandPowers', 'peaks'],
 *   bandEdges: [0, 500, 2000, 8000], peaks: 2,
 * });
 * plan.names; // ['centroid', 'rolloff', 'band0', 'band1', 'band2', 'peak1Hz', 'peak1Magnitude', 'peak2Hz', 'peak2Magnitude']
 */
export function createSpectralFeaturesPlan(options: SpectralFeaturesOptions): SpectralFeaturesPlan {
  rejectUnknownOptions(BLOCK, options, KNOWN);
  const sampleRate = requirePositive(BLOCK, 'sampleRate', options.sampleRate);
  const fftSize = requirePowerOfTwo(BLOCK, 'fftSize', options.fftSize, 2, 65536);
  const bins = fftSize / 2 + 1;
  const nyquist = sampleRate / 2;
  const features = requireFeatureList(options.features ?? DEFAULT_SPECTRAL_FEATURES);
  const input = requireOneOf(BLOCK, 'input', options.input ?? 'power', SPECTRUM_KINDS);
  const rolloffFraction = requireInRange(BLOCK, 'rolloffFraction', options.rolloffFraction ?? 0.85, 0, 1, {
    minExclusive: true,
    maxExclusive: true,
  });
  const bandScale = requireOneOf(BLOCK, 'bandScale', options.bandScale ?? 'linear', BAND_SCALES);
  const peaks = requireInteger(BLOCK, 'peaks', options.peaks ?? 3, 1, fftSize / 2);
  const fluxNormalize = requireBoolean(BLOCK, 'fluxNormalize', options.fluxNormalize ?? false);
  const powerFloor = requirePositive(BLOCK, 'powerFloor', options.powerFloor ?? 1e-10);

  const frequencies = new Float64Array(bins);
  for (let k = 0; k < bins; k++) frequencies[k] = (k * sampleRate) / fftSize;
  let bandEdges: readonly number[] | undefined;
  if (options.bandEdges !== undefined || features.includes('bandPowers')) {
    bandEdges = requireBandEdges(options.bandEdges, nyquist, features.includes('bandPowers'));
  }
  const bands = bandEdges ? bandBins(frequencies, bandEdges) : { start: new Int32Array(0), end: new Int32Array(0) };
  if (bandEdges) requireBinsInEveryBand(bands, bandEdges, sampleRate / fftSize);

  const offsets = new Int32Array(features.length);
  const names: string[] = [];
  features.forEach((feature, i) => {
    offsets[i] = names.length;
    if (feature === 'bandPowers') for (let b = 0; b < bands.start.length; b++) names.push(`band${b}`);
    else if (feature === 'peaks') for (let p = 1; p <= peaks; p++) names.push(`peak${p}Hz`, `peak${p}Magnitude`);
    else names.push(feature);
  });

  const resolved: SpectralFeaturesOptions = { sampleRate, fftSize, features, input, rolloffFraction, bandScale, peaks, fluxNormalize, powerFloor };
  if (bandEdges) resolved.bandEdges = bandEdges;
  return {
    description: describe(BLOCK, 1, resolved),
    sampleRate,
    fftSize,
    bins,
    binHz: sampleRate / fftSize,
    features,
    input,
    rolloffFraction,
    bandScale,
    peaks,
    powerFloor,
    frequencies,
    bands,
    flux: createSpectralFluxPlan({ fftSize, input, normalize: fluxNormalize }),
    offsets,
    outputLength: names.length,
    names: Object.freeze(names),
  };
}

function requireFeatureList(value: unknown): readonly SpectralFeature[] {
  const expected = `a non-empty array of distinct names from ${SPECTRAL_FEATURES.map((s) => JSON.stringify(s)).join(', ')}`;
  if (!Array.isArray(value) || value.length === 0) throw new ParameterError(BLOCK, 'features', value, expected);
  value.forEach((name: unknown, i) => {
    requireOneOf(BLOCK, `features[${i}]`, name, SPECTRAL_FEATURES);
    if (value.indexOf(name) !== i) throw new ParameterError(BLOCK, `features[${i}]`, name, `${expected} (duplicate)`);
  });
  return Object.freeze([...(value as SpectralFeature[])]);
}

function requireBandEdges(value: unknown, nyquist: number, needed: boolean): readonly number[] {
  const expected = `an array of at least 2 increasing frequencies in [0, ${nyquist}] Hz${needed ? ' (feature "bandPowers" needs it)' : ''}`;
  if (!Array.isArray(value) || value.length < 2) throw new ParameterError(BLOCK, 'bandEdges', value, expected);
  value.forEach((edge: unknown, i) => {
    requireInRange(BLOCK, `bandEdges[${i}]`, edge, 0, nyquist, { hint: `Hz, at most Nyquist = ${nyquist} Hz` });
    const previous = value[i - 1] as number;
    if (i > 0 && (edge as number) <= previous) {
      throw new ParameterError(BLOCK, `bandEdges[${i}]`, edge, `a frequency above bandEdges[${i - 1}] = ${previous} Hz (edges must increase)`);
    }
  });
  return Object.freeze([...(value as number[])]);
}

// A band between two bin centres would always read 0: almost surely a mistake in the edges.
function requireBinsInEveryBand(bands: BandBins, edges: readonly number[], binHz: number): void {
  for (let b = 0; b < bands.start.length; b++) {
    if (bands.end[b]! <= bands.start[b]!) {
      throw new ParameterError(
        BLOCK,
        `bandEdges[${b}..${b + 1}]`,
        [edges[b], edges[b + 1]],
        `a band containing at least one FFT bin centre (bins are ${binHz} Hz apart)`,
      );
    }
  }
}
