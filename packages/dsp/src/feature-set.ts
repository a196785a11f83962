import { applyDct } from './dct.js';
import { ParameterError } from './errors.js';
import { compressEnergies, framePowerSpectrum, spectrumToMel, type LogMelOptions } from './log-mel.js';
import { createMfccPlan, type MfccOptions, type MfccPlan } from './mfcc.js';
import { describe, type Described } from './plan.js';
import { createSpectralFeaturesPlan, SpectralFeatureExtractor, type SpectralFeaturesOptions, type SpectralFeaturesPlan } from './spectral/index.js';
import { computeTimeStats, createTimeStatsPlan, type TimeStatsOptions, type TimeStatsPlan } from './stats/index.js';
import { rejectUnknownOptions } from './validate.js';

type FrontEnd = 'sampleRate' | 'frameLength' | 'fftSize' | 'window';

export interface FeatureSetOptions {
  /** Hz */
  sampleRate: number;
  /** samples per frame */
  frameLength: number;
  /** FFT size shared by every spectral feature; default: next power of two >= frameLength */
  fftSize?: number;
  /** analysis window shared by every spectral feature; default 'hann' */
  window?: LogMelOptions['window'];
  /** mel front end (bands, fMin, fMax, scale, spectrum, log, ...) shared by `logMel` and `mfcc` */
  mel?: Omit<LogMelOptions, FrontEnd>;
  /** output the log-mel energies */
  logMel?: boolean;
  /** output MFCCs (DCT options here; the mel front end comes from `mel`) */
  mfcc?: Pick<MfccOptions, 'coefficients' | 'dct' | 'lifter'>;
  /** output spectral features, computed from the same power spectrum */
  spectral?: Omit<SpectralFeaturesOptions, 'sampleRate' | 'fftSize' | 'input'>;
  /** output time-domain statistics of the raw (unwindowed) frame */
  stats?: Omit<TimeStatsOptions, 'length'>;
}

export interface FeatureSetPlan extends Described<FeatureSetOptions> {
  readonly frameLength: number;
  /** the mel/MFCC plan whose window, FFT and filterbank every spectral output shares */
  readonly front: MfccPlan;
  readonly spectral?: SpectralFeaturesPlan;
  readonly stats?: TimeStatsPlan;
  readonly logMel: boolean;
  readonly mfcc: boolean;
  /** name of every output value, in order: stats, spectral, logMel (mel0..), mfcc (c0..) */
  readonly names: readonly string[];
  readonly outputLength: number;
}

const BLOCK = 'featureSet';

/**
 * Plans several features per frame that share their intermediates: one window + power spectrum feeds
 * the spectral features and the mel filterbank; one set of log-mel energies feeds both the log-mel
 * output and the MFCCs; time statistics read the raw frame.
 * @example
 * const plan = createFeatureSetPlan({ sampleRate: 16000, frameLength: 400, mfcc: { coefficients: 13 }, spectral: { features: ['centroid', 'flatness'] }, stats: { stats: ['rms'] } });
 * const extractor = new FeatureSetExtractor(plan);
 * const out = new Float32Array(plan.outputLength);
 * extractor.process(frame400, out); // plan.names: ['rms', 'centroid', 'flatness', 'c0', ..., 'c12']
 */
export function createFeatureSetPlan(options: FeatureSetOptions): FeatureSetPlan {
  rejectUnknownOptions(BLOCK, options, ['sampleRate', 'frameLength', 'fftSize', 'window', 'mel', 'logMel', 'mfcc', 'spectral', 'stats']);
  const { sampleRate, frameLength } = options;
  if (!options.logMel && !options.mfcc && !options.spectral && !options.stats) {
    throw new ParameterError(BLOCK, 'outputs', 'none', 'at least one of logMel, mfcc, spectral, stats');
  }
  const fftSize = options.fftSize ?? 2 ** Math.ceil(Math.log2(Math.max(4, frameLength)));
  const front = createMfccPlan({ ...options.mel, ...options.mfcc, sampleRate, frameLength, fftSize, window: options.window ?? 'hann' });
  const spectral = options.spectral ? createSpectralFeaturesPlan({ ...options.spectral, sampleRate, fftSize, input: 'power' }) : undefined;
  const stats = options.stats ? createTimeStatsPlan({ ...options.stats, length: frameLength }) : undefined;
  const names = [
    ...(stats?.stats ?? []),
    ...(spectral?.names ?? []),
    ...(options.logMel ? Array.from({ length: front.logMel.mel.bands }, (_, i) => `mel${i}`) : []),
    ...(options.mfcc ? Array.from({ length: front.coefficients }, (_, i) => `c${i}`) : []),
  ];
  return {
    description: describe(BLOCK, 1, { ...options, fftSize }),
    frameLength,
    front,
    ...(spectral ? { spectral } : {}),
    ...(stats ? { stats } : {}),
    logMel: options.logMel === true,
    mfcc: options.mfcc !== undefined,
    names,
    outputLength: names.length,
  };
}

/** Computes a FeatureSetPlan per frame. Holds the spectral flux state: one extractor per stream. */
export class FeatureSetExtractor {
  private readonly spectral?: SpectralFeatureExtractor;
  private readonly scratch: Float64Array;
  private readonly cepstra: Float32Array;

  constructor(readonly plan: FeatureSetPlan) {
    if (plan.spectral) this.spectral = new SpectralFeatureExtractor(plan.spectral);
    this.scratch = new Float64Array(Math.max(plan.stats?.outputLength ?? 0, plan.spectral?.outputLength ?? 0));
    this.cepstra = new Float32Array(plan.front.coefficients);
  }

  /** Forgets the previous frame (spectral flux), e.g. after a gap. */
  reset(): void {
    this.spectral?.reset();
  }

  /** Writes plan.outputLength values for one frame of plan.frameLength samples. No allocation. */
  process(frame: Float32Array, out: Float32Array): void {
    const { plan, scratch } = this;
    let at = 0;
    if (plan.stats) {
      computeTimeStats(plan.stats, frame, scratch);
      for (let i = 0; i < plan.stats.outputLength; i++) out[at++] = scratch[i]!;
    }
    const lm = plan.front.logMel;
    framePowerSpectrum(lm, frame);
    if (plan.spectral && this.spectral) {
      // Before the mel stage: spectrumToMel may turn the shared power spectrum into magnitudes in place.
      this.spectral.process(lm.spectrumBuffer, scratch);
      for (let i = 0; i < plan.spectral.outputLength; i++) out[at++] = scratch[i]!;
    }
    if (!plan.logMel && !plan.mfcc) return;
    const energies = plan.front.energies;
    spectrumToMel(lm, energies);
    compressEnergies(lm, energies, lm.mel.bands);
    if (plan.logMel) for (let b = 0; b < lm.mel.bands; b++) out[at++] = energies[b]!;
    if (plan.mfcc) {
      applyDct(plan.front.dct, energies, this.cepstra);
      for (let k = 0; k < plan.front.coefficients; k++) out[at++] = this.cepstra[k]!;
    }
  }
}
