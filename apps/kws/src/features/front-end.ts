import {
  createFramingPlan, createMfccPlan, getFeaturePreset, logMel, mfcc, ParameterError,
  type FramingPlan, type MfccPlan, type PlanDescription,
} from '@sensorkit/dsp';

/** The feature presets a keyword model can be trained on (both MLPerf Tiny KWS front ends, 16 kHz). */
export const KWS_PRESETS = ['mlperf-kws', 'mlperf-kws-logmel'] as const;
export type KwsPresetName = (typeof KWS_PRESETS)[number];

/** Clip the model sees: 1 s at 16 kHz. */
export const KWS_SAMPLE_RATE = 16000;
export const KWS_WINDOW_SAMPLES = 16000;

/** A planned keyword front end: 49 frames of 10 MFCC (or 40 log-mel) per 1 s window. */
export interface KwsFrontEnd {
  readonly preset: KwsPresetName;
  readonly framing: FramingPlan;
  readonly mfcc: MfccPlan;
  /** 'mfcc' or 'logMel': which output of the MFCC plan is the feature */
  readonly output: 'mfcc' | 'logMel';
  /** values per frame (10 MFCC or 40 log-mel) */
  readonly width: number;
  /** frames per 1 s window (49) */
  readonly frames: number;
  /** the versioned plan descriptions a model folder keeps, so the features are recomputed exactly */
  readonly descriptions: PlanDescription[];
}

/**
 * Plans the keyword front end of a preset.
 * @example
 * const fe = createKwsFrontEnd('mlperf-kws');   // fe.frames = 49, fe.width = 10
 * const features = windowFeatures(fe, clip16k); // Float32Array(490), frame-major
 */
export function createKwsFrontEnd(preset: string): KwsFrontEnd {
  if (!(KWS_PRESETS as readonly string[]).includes(preset)) throw new ParameterError('kws features', 'preset', preset, `one of ${KWS_PRESETS.join(', ')}`);
  const p = getFeaturePreset(preset);
  const framing = createFramingPlan({ length: p.frameLength, hop: p.hop });
  const plan = createMfccPlan(p.mfcc);
  const width = p.output === 'mfcc' ? plan.coefficients : plan.logMel.mel.bands;
  const frames = Math.floor((KWS_WINDOW_SAMPLES - p.frameLength) / p.hop) + 1;
  return {
    preset: preset as KwsPresetName, framing, mfcc: plan, output: p.output, width, frames,
    descriptions: [framing.description, plan.description],
  };
}

/** One frame's features (`frameLength` samples in, `width` values out). No allocation. */
export function frameFeatures(fe: KwsFrontEnd, frame: Float32Array, out: Float32Array): void {
  if (fe.output === 'mfcc') mfcc(fe.mfcc, frame, out);
  else logMel(fe.mfcc.logMel, frame, out);
}

/**
 * Features of a 1 s, 16 kHz window: `frames` x `width` values, frame-major, into `out` (allocated when
 * not given). The same framing as the streaming operators (no padding at the end), so a clip and the
 * same second of a stream give the same numbers.
 */
export function windowFeatures(fe: KwsFrontEnd, samples: Float32Array, out = new Float32Array(fe.frames * fe.width)): Float32Array {
  if (samples.length !== KWS_WINDOW_SAMPLES) throw new ParameterError('kws features', 'samples.length', samples.length, `${KWS_WINDOW_SAMPLES} (1 s at 16 kHz)`);
  const { length, hop } = fe.framing;
  for (let f = 0; f < fe.frames; f++) {
    frameFeatures(fe, samples.subarray(f * hop, f * hop + length), out.subarray(f * fe.width, (f + 1) * fe.width));
  }
  return out;
}
