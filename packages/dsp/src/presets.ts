import { ParameterError } from './errors.js';
import type { MfccOptions } from './mfcc.js';

/** A named front end: everything needed to turn raw samples into the features a model was trained on. */
export interface FeaturePreset {
  readonly name: string;
  readonly summary: string;
  /** Hz: input must be at this rate (resample first) */
  readonly sampleRate: number;
  /** first-order pre-emphasis coefficient applied to the stream before framing, if any */
  readonly preEmphasis?: number;
  /** frame length and hop in samples */
  readonly frameLength: number;
  readonly hop: number;
  /** per-frame feature: MFCC options (log-mel presets set coefficients to the band count with dct none) */
  readonly mfcc: MfccOptions;
  /** 'mfcc' or 'logMel': which output of the plan the preset means */
  readonly output: 'mfcc' | 'logMel';
}

const MLPERF_FRONT_END: MfccOptions = {
  sampleRate: 16000, frameLength: 480, fftSize: 512, window: 'hann', spectrum: 'magnitude',
  bands: 40, fMin: 20, fMax: 4000, scale: 'htk', triangles: 'mel', log: 'ln', logOffset: 1e-6,
  coefficients: 10, dct: 'tensorflow',
};

export const FEATURE_PRESETS = {
  'mlperf-kws': {
    name: 'mlperf-kws',
    summary: 'MLPerf Tiny KWS (DS-CNN) features: 16 kHz, 30 ms Hann / 20 ms hop, |STFT| 512, 40 mel 20-4000 Hz (TF), ln(x + 1e-6), 10 MFCC (TF DCT): 49x10 per second',
    sampleRate: 16000, frameLength: 480, hop: 320, mfcc: MLPERF_FRONT_END, output: 'mfcc',
  },
  'mlperf-kws-logmel': {
    name: 'mlperf-kws-logmel',
    summary: 'The MLPerf Tiny KWS front end stopped before the DCT: 40 log-mel energies per 20 ms frame (49x40 per second)',
    sampleRate: 16000, frameLength: 480, hop: 320, mfcc: MLPERF_FRONT_END, output: 'logMel',
  },
  'edge-impulse-mfcc': {
    name: 'edge-impulse-mfcc',
    summary: 'Edge Impulse MFCC block defaults: pre-emphasis 0.98, 20 ms frames and stride, FFT 256 (frames truncated to 256 samples, as its rfft does), power/N, 32 filters 0-8000 Hz, ln, DCT-II ortho, 13 coefficients',
    sampleRate: 16000, preEmphasis: 0.98, frameLength: 256, hop: 320,
    mfcc: {
      sampleRate: 16000, frameLength: 256, fftSize: 256, window: 'rectangular', spectrum: 'power', spectrumScale: 1 / 256,
      bands: 32, fMin: 0, fMax: 8000, scale: 'htk', triangles: 'hz', log: 'ln', logOffset: 0, logFloor: 2.220446049250313e-16,
      coefficients: 13, dct: 'ortho',
    },
    output: 'mfcc',
  },
} as const satisfies Record<string, FeaturePreset>;

export type FeaturePresetName = keyof typeof FEATURE_PRESETS;

/** Looks a preset up by name; the error lists the names that exist. */
export function getFeaturePreset(name: string): FeaturePreset {
  const preset = (FEATURE_PRESETS as Record<string, FeaturePreset>)[name];
  if (!preset) throw new ParameterError('preset', 'name', name, `one of ${Object.keys(FEATURE_PRESETS).join(', ')}`);
  return preset;
}
