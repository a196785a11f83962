import { applyDct, createDctTable, lifterGain, type DctScaling, type DctTable } from './dct.js';
import { ParameterError } from './errors.js';
import { compressEnergies, createLogMelPlan, framePowerSpectrum, spectrumToMel, type LogMelOptions, type LogMelPlan } from './log-mel.js';
import { describe, type Described } from './plan.js';
import { requireInRange, requireInteger, requireOneOf } from './validate.js';

export interface MfccOptions extends LogMelOptions {
  /** cepstral coefficients kept, counted from c0; default 13, at most `bands` */
  coefficients?: number;
  /** DCT-II scaling: 'ortho' (default) or 'tensorflow' (tf.signal.mfccs_from_log_mel_spectrograms) */
  dct?: DctScaling;
  /** sinusoidal lifter parameter L (HTK uses 22); 0 (default) = none */
  lifter?: number;
  /** 'c0' (default) keeps the DCT's c0; 'log-energy' replaces it by ln(sum of the frame's spectrum) as python_speech_features' appendEnergy */
  firstCoefficient?: 'c0' | 'log-energy';
}

export interface MfccPlan extends Described<Required<MfccOptions>> {
  readonly logMel: LogMelPlan;
  readonly coefficients: number;
  /** the DCT-II of the log-mel energies, liftering folded in */
  readonly dct: DctTable;
  /** scratch: the frame's log-mel energies */
  readonly energies: Float32Array;
}

const BLOCK = 'mfcc';

/**
 * Plans MFCC extraction of one frame: window, FFT, mel, log, DCT-II (+ lifter). All tables built here.
 * @example
 * const plan = createMfccPlan({ sampleRate: 16000, frameLength: 480, fftSize: 512, bands: 40, coefficients: 10 });
 * const out = new Float32Array(10);
 * mfcc(plan, frame480, out); // no validation, no allocation
 */
export function createMfccPlan(options: MfccOptions): MfccPlan {
  const logMel = createLogMelPlan(options, BLOCK, ['coefficients', 'dct', 'lifter', 'firstCoefficient']);
  const bands = logMel.mel.bands;
  const coefficients = requireInteger(BLOCK, 'coefficients', options.coefficients ?? 13, 1, bands, `at most bands = ${bands}`);
  const dct = requireOneOf(BLOCK, 'dct', options.dct ?? 'ortho', ['ortho', 'tensorflow'] as const);
  const lifter = requireInRange(BLOCK, 'lifter', options.lifter ?? 0, 0, 1e6);
  const firstCoefficient = requireOneOf(BLOCK, 'firstCoefficient', options.firstCoefficient ?? 'c0', ['c0', 'log-energy'] as const);
  if (logMel.description.options.log === 'none') {
    throw new ParameterError(BLOCK, 'log', 'none', 'a log compression ("ln", "log10" or "db"): cepstra are defined on log energies');
  }
  return {
    description: describe(BLOCK, 2, { ...logMel.description.options, coefficients, dct, lifter, firstCoefficient }),
    logMel,
    coefficients,
    dct: createDctTable(bands, coefficients, dct, lifterGain(lifter)),
    energies: new Float32Array(bands),
  };
}

/** MFCCs of one frame (`frameLength` samples) into `out` (`coefficients` values). No allocation. */
export function mfcc(plan: MfccPlan, frame: Float32Array, out: Float32Array): void {
  const lm = plan.logMel;
  const energies = plan.energies;
  framePowerSpectrum(lm, frame);
  // python_speech_features' appendEnergy: ln of the frame's total (scaled) power, taken before the filterbank.
  const logEnergy = plan.description.options.firstCoefficient === 'log-energy' ? Math.log(Math.max(totalPower(lm), lm.description.options.logFloor)) : 0;
  spectrumToMel(lm, energies);
  compressEnergies(lm, energies, lm.mel.bands);
  applyDct(plan.dct, energies, out);
  if (plan.description.options.firstCoefficient === 'log-energy') out[0] = logEnergy;
}

function totalPower(plan: LogMelPlan): number {
  const spec = plan.spectrumBuffer;
  let total = 0;
  for (let k = 0; k < spec.length; k++) total += spec[k]!;
  return total * plan.description.options.spectrumScale;
}
