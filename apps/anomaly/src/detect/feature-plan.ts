import {
  createButterworthPlan,
  createEnvelopeSpectrumPlan,
  createFeatureSetPlan,
  describe,
  type Described,
  type EnvelopeSpectrumPlan,
  type FeatureSetPlan,
  type PlanDescription,
  type SosPlan,
} from '@sensorkit/dsp';
import { bearingFrequencies } from '../simulator/bearing.js';
import { faultLines, type FaultLine } from './bearing-lines.js';
import { FEATURES_BLOCK, resolveFeatureOptions, type ResolvedFeatureOptions, type WindowFeatureOptions } from './feature-options.js';

/** Implementation version of the feature vector: bump whenever the numbers it produces change. */
export const FEATURES_VERSION = 1;

/** Envelope stage: band-pass the stream, then per window the envelope spectrum and energy around each fault line. */
export interface EnvelopeStage {
  /** band-pass edges, Hz */
  readonly band: readonly [number, number];
  readonly bandpass: SosPlan;
  /**
   * The envelope is taken over the centred power-of-two part of the window, [offset, offset + length):
   * an exact-length Hilbert transform of other lengths (Bluestein) costs about ten times as much.
   */
  readonly offset: number;
  readonly spectrum: EnvelopeSpectrumPlan;
  readonly lines: readonly FaultLine[];
  /** per line, the envelope-spectrum bins [start, end) summed */
  readonly binStart: Int32Array;
  readonly binEnd: Int32Array;
}

export interface WindowFeaturesPlan extends Described<ResolvedFeatureOptions> {
  readonly sampleRate: number;
  readonly channels: number;
  /** window and hop in samples */
  readonly length: number;
  readonly hop: number;
  /** the per-axis feature set (time stats, spectral shape, dB band powers) */
  readonly featureSet: FeatureSetPlan;
  readonly envelope: EnvelopeStage | undefined;
  /**
   * Low-pass at maxHz (order 8) applied to the stream before the per-axis features, when maxHz is below
   * Nyquist: the features then see the same band whatever anti-aliasing filter (ADC, resampler) the
   * recording went through near its Nyquist frequency.
   */
  readonly lowpass: SosPlan | undefined;
  /** band edges of the dB band powers, Hz */
  readonly bandEdges: readonly number[];
  /** names of the features of one axis, in order */
  readonly axisNames: readonly string[];
  /** names of the whole row: axis-prefixed when channels > 1 */
  readonly names: readonly string[];
  readonly outputLength: number;
  /** the resolved DSP plans the features come from: saved with a model and checked when it is loaded */
  readonly plans: readonly PlanDescription[];
}

/**
 * Plans the feature vector of one window of a (multi-axis) vibration signal: per axis, time statistics,
 * spectral shape and log band powers from one shared spectrum, and, with a bearing geometry and shaft
 * speed, envelope-spectrum energies (dB) around its fault frequencies after a band-pass.
 * @example
 * const plan = createWindowFeaturesPlan({ sampleRate: 12800, window: 0.5, bearing, shaftHz: 29.95 });
 * plan.names; // ['rms', 'kurtosis', 'crest', 'centroid', 'spread', 'flatness', 'band0-10Hz', ..., 'env.bpfo', ...]
 */
export function createWindowFeaturesPlan(options: WindowFeatureOptions): WindowFeaturesPlan {
  const o = resolveFeatureOptions(options);
  const length = Math.round(o.window * o.sampleRate);
  const hop = Math.max(1, Math.round(o.hop * o.sampleRate));
  const bandEdges = logBandEdges(o.minHz, o.maxHz, o.bands);
  const featureSet = createFeatureSetPlan({
    sampleRate: o.sampleRate,
    frameLength: length,
    stats: { stats: o.stats },
    spectral: { features: [...o.spectral, 'bandPowers'], bandEdges, bandScale: 'db', powerFloor: 1e-20 },
  });
  const bandNames = bandEdges.slice(1).map((hi, b) => `band${formatHz(bandEdges[b]!)}-${formatHz(hi)}Hz`);
  const axisNames = [...o.stats, ...o.spectral, ...bandNames];
  const envelope = o.bearing && o.shaftHz !== undefined ? envelopeStage(o, length) : undefined;
  if (envelope) axisNames.push(...envelope.lines.map((l) => l.name));
  const names = o.channels === 1 ? axisNames : o.channelNames.flatMap((axis) => axisNames.map((n) => `${axis}.${n}`));
  const resolved: ResolvedFeatureOptions = envelope ? { ...o, envelopeBand: [envelope.band[0], envelope.band[1]] } : o;
  const lowpass = o.maxHz < o.sampleRate / 2 ? createButterworthPlan({ type: 'lowpass', order: 8, sampleRate: o.sampleRate, cutoff: o.maxHz }) : undefined;
  const plans = [
    featureSet.description,
    ...(lowpass ? [lowpass.description] : []),
    ...(envelope ? [envelope.bandpass.description, envelope.spectrum.description] : []),
  ];
  return {
    description: describe(FEATURES_BLOCK, FEATURES_VERSION, resolved),
    sampleRate: o.sampleRate,
    channels: o.channels,
    length,
    hop,
    featureSet,
    envelope,
    lowpass,
    bandEdges,
    axisNames,
    names,
    outputLength: names.length,
    plans,
  };
}

/** [0, minHz, ... log-spaced ..., maxHz]: bands + 1 bands, the first holding everything below minHz. */
export function logBandEdges(minHz: number, maxHz: number, bands: number): number[] {
  const edges = [0];
  for (let b = 0; b <= bands; b++) edges.push(Number((minHz * (maxHz / minHz) ** (b / bands)).toPrecision(6)));
  edges[edges.length - 1] = maxHz;
  return edges;
}

function envelopeStage(o: ResolvedFeatureOptions, length: number): EnvelopeStage {
  const frequencies = bearingFrequencies(o.bearing!, o.shaftHz!);
  const lines = faultLines(frequencies);
  const nyquist = o.sampleRate / 2;
  const band = o.envelopeBand ?? defaultEnvelopeBand(nyquist, frequencies.bpfi);
  const bandpass = createButterworthPlan({ type: 'bandpass', order: 4, sampleRate: o.sampleRate, cutoff: band });
  const envelopeLength = Math.min(65536, 2 ** Math.floor(Math.log2(length)));
  const offset = Math.floor((length - envelopeLength) / 2);
  const spectrum = createEnvelopeSpectrumPlan({ length: envelopeLength, sampleRate: o.sampleRate });
  const binHz = o.sampleRate / spectrum.fftSize;
  const binStart = new Int32Array(lines.length);
  const binEnd = new Int32Array(lines.length);
  lines.forEach((line, i) => {
    // At least one bin either side, so a line between two bins is still caught whole.
    const half = Math.max(binHz, o.envelopeTolerance * line.hz);
    binStart[i] = Math.max(1, Math.ceil((line.hz - half) / binHz));
    binEnd[i] = Math.min(spectrum.bins, Math.floor((line.hz + half) / binHz) + 1);
  });
  return { band, bandpass, offset, spectrum, lines, binStart, binEnd };
}

/** Above the shaft harmonics and fault lines, below the anti-aliasing roll-off: where impacts ring. */
function defaultEnvelopeBand(nyquist: number, bpfi: number): [number, number] {
  const hi = 0.8 * nyquist;
  const lo = Math.max(nyquist / 8, 10 * bpfi);
  return lo < 0.7 * hi ? [Number(lo.toPrecision(6)), hi] : [nyquist / 4, hi];
}

function formatHz(hz: number): string {
  return hz >= 100 ? String(Math.round(hz)) : String(Number(hz.toPrecision(3)));
}
