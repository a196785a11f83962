import {
  ParameterError,
  rejectUnknownOptions,
  requireInRange,
  requireInteger,
  requirePositive,
  type SpectralFeature,
  type TimeStat,
} from '@sensorkit/dsp';
import type { BearingGeometry } from '../contracts.js';
import { checkBearing } from '../simulator/bearing.js';

/** Options of the per-window feature vector every detector consumes. Times in s, frequencies in Hz. */
export interface WindowFeatureOptions {
  /** Hz, of the signal the windows are cut from */
  sampleRate: number;
  /** interleaved axes in the input; default 1 */
  channels?: number;
  /** axis names used as feature-name prefixes when channels > 1; default ch0, ch1, ... */
  channelNames?: readonly string[];
  /** window length, s; default 0.5 */
  window?: number;
  /** hop between window starts, s; default window / 2 */
  hop?: number;
  /** number of log-spaced band powers (dB) between minHz and maxHz, plus one band below minHz; default 24 */
  bands?: number;
  /** lowest log-spaced band edge, Hz; default: 10 Hz, raised until every band spans >= 2 FFT bins */
  minHz?: number;
  /** highest band edge, Hz; default 0.8 Nyquist (above it, the anti-aliasing filters of ADCs and resamplers roll off) */
  maxHz?: number;
  /** time statistics per axis; default rms, kurtosis, crest */
  stats?: readonly TimeStat[];
  /** spectral shape features per axis; default centroid, spread, flatness */
  spectral?: readonly SpectralFeature[];
  /** bearing geometry: with shaftHz, adds envelope energies at BPFO, BPFI, BSF, FTF and their 2x harmonics */
  bearing?: BearingGeometry;
  /** shaft speed, Hz (rev/s) */
  shaftHz?: number;
  /** band-pass before the envelope, [lo, hi] Hz; default [max(Nyquist / 8, 10 BPFI), 0.8 Nyquist] */
  envelopeBand?: readonly [number, number];
  /** half-width of the envelope energy band around each fault line, as a fraction of its frequency (slip); default 0.03 */
  envelopeTolerance?: number;
}

/** Every option filled in: what a model stores and rebuilds its features from. */
export interface ResolvedFeatureOptions {
  sampleRate: number;
  channels: number;
  channelNames: string[];
  window: number;
  hop: number;
  bands: number;
  minHz: number;
  maxHz: number;
  stats: TimeStat[];
  spectral: SpectralFeature[];
  bearing?: BearingGeometry;
  shaftHz?: number;
  envelopeBand?: [number, number];
  envelopeTolerance: number;
}

export const FEATURES_BLOCK = 'anomalyFeatures';
const KNOWN = [
  'sampleRate', 'channels', 'channelNames', 'window', 'hop', 'bands', 'minHz', 'maxHz', 'stats', 'spectral',
  'bearing', 'shaftHz', 'envelopeBand', 'envelopeTolerance',
];

/** Checks the options and fills in every default (band edges excepted: the plan derives them). */
export function resolveFeatureOptions(options: WindowFeatureOptions): ResolvedFeatureOptions {
  rejectUnknownOptions(FEATURES_BLOCK, options, KNOWN);
  const B = FEATURES_BLOCK;
  const sampleRate = requirePositive(B, 'sampleRate', options.sampleRate);
  const nyquist = sampleRate / 2;
  const channels = requireInteger(B, 'channels', options.channels ?? 1, 1, 64);
  const channelNames = resolveChannelNames(options.channelNames, channels);
  // The shared spectrum's FFT takes at most 65536 points.
  const window = requireInRange(B, 'window', options.window ?? 0.5, 16 / sampleRate, 65536 / sampleRate, { hint: `s, 16 to 65536 samples at ${sampleRate} Hz` });
  const hop = requireInRange(B, 'hop', options.hop ?? window / 2, 1 / sampleRate, 60, { hint: 's, at least 1 sample' });
  const bands = requireInteger(B, 'bands', options.bands ?? 24, 1, 128);
  const maxHz = requireInRange(B, 'maxHz', options.maxHz ?? 0.8 * nyquist, 0, nyquist, { minExclusive: true, hint: `Hz, at most Nyquist = ${nyquist} Hz` });
  const minHz = options.minHz === undefined ? defaultMinHz(sampleRate, window, bands, maxHz) : options.minHz;
  requireInRange(B, 'minHz', minHz, 0, maxHz, { minExclusive: true, maxExclusive: true, hint: `Hz, below maxHz = ${maxHz} Hz` });
  const stats = [...(options.stats ?? (['rms', 'kurtosis', 'crest'] as const))];
  const spectral = [...(options.spectral ?? (['centroid', 'spread', 'flatness'] as const))];
  if (spectral.includes('bandPowers') || spectral.includes('peaks') || spectral.includes('flux')) {
    throw new ParameterError(B, 'spectral', spectral, 'spectral shape features only (bandPowers are added by `bands`; peaks and flux are not per-window features)');
  }
  const envelopeTolerance = requireInRange(B, 'envelopeTolerance', options.envelopeTolerance ?? 0.03, 0, 0.2, { minExclusive: true });
  const resolved: ResolvedFeatureOptions = { sampleRate, channels, channelNames, window, hop, bands, minHz, maxHz, stats, spectral, envelopeTolerance };
  if ((options.bearing === undefined) !== (options.shaftHz === undefined)) {
    const missing = options.bearing === undefined ? 'bearing' : 'shaftHz';
    throw new ParameterError(B, missing, undefined, 'both bearing and shaftHz, or neither (envelope features need the fault frequencies)');
  }
  if (options.bearing !== undefined && options.shaftHz !== undefined) {
    resolved.bearing = checkBearing(B, 'bearing', options.bearing);
    resolved.shaftHz = requireInRange(B, 'shaftHz', options.shaftHz, 0, nyquist / 10, { minExclusive: true, hint: 'Hz (rev/s)' });
    if (Math.round(window * sampleRate) < 256) {
      throw new ParameterError(B, 'window', window, `at least ${256 / sampleRate} s at ${sampleRate} Hz with envelope features (256 samples)`);
    }
    if (options.envelopeBand !== undefined) resolved.envelopeBand = checkBand(options.envelopeBand, nyquist);
  } else if (options.envelopeBand !== undefined) {
    throw new ParameterError(B, 'envelopeBand', options.envelopeBand, 'no envelope band without bearing and shaftHz');
  }
  return resolved;
}

function resolveChannelNames(names: readonly string[] | undefined, channels: number): string[] {
  if (names === undefined) return Array.from({ length: channels }, (_, i) => `ch${i}`);
  if (!Array.isArray(names) || names.length !== channels || names.some((n) => typeof n !== 'string' || n === '')) {
    throw new ParameterError(FEATURES_BLOCK, 'channelNames', names, `${channels} non-empty names, one per channel`);
  }
  if (new Set(names).size !== names.length) throw new ParameterError(FEATURES_BLOCK, 'channelNames', names, 'distinct names');
  return [...names];
}

/**
 * The lowest log band edge: 10 Hz unless the narrowest log band (the first) would then hold fewer
 * than two FFT bins at this window length, in which case it rises until it does.
 */
function defaultMinHz(sampleRate: number, window: number, bands: number, maxHz: number): number {
  const binHz = sampleRate / 2 ** Math.ceil(Math.log2(Math.max(4, Math.round(window * sampleRate))));
  let minHz = Math.min(10, maxHz / 4);
  for (let guard = 0; guard < 200 && minHz < maxHz / 2; guard++) {
    const ratio = (maxHz / minHz) ** (1 / bands);
    if (minHz * (ratio - 1) >= 2 * binHz && minHz >= 2 * binHz) break;
    minHz *= 1.1;
  }
  return Number(minHz.toPrecision(6));
}

function checkBand(band: readonly [number, number], nyquist: number): [number, number] {
  if (!Array.isArray(band) || band.length !== 2) throw new ParameterError(FEATURES_BLOCK, 'envelopeBand', band, '[lo, hi] in Hz');
  const lo = requireInRange(FEATURES_BLOCK, 'envelopeBand[0]', band[0], 0, nyquist, { minExclusive: true, maxExclusive: true, hint: 'Hz' });
  const hi = requireInRange(FEATURES_BLOCK, 'envelopeBand[1]', band[1], lo, nyquist, { minExclusive: true, maxExclusive: true, hint: `Hz, above ${lo} Hz and below Nyquist` });
  return [lo, hi];
}
