import { ParameterError } from './errors.js';
import { createFftPlan, powerSpectrum, type FftPlan } from './fft.js';
import { applyMel, createMelPlan, type MelOptions, type MelPlan } from './mel.js';
import { describe, type Described } from './plan.js';
import { requireFinite, requireInRange, requireInteger, requireOneOf, requirePowerOfTwo, rejectUnknownOptions } from './validate.js';
import { WINDOW_TYPES, windowCoefficients, type WindowType } from './window.js';

export const LOG_MEL_OPTION_NAMES = [
  'sampleRate', 'frameLength', 'fftSize', 'window', 'spectrum', 'spectrumScale',
  'bands', 'fMin', 'fMax', 'scale', 'triangles', 'norm', 'log', 'logOffset', 'logFloor',
] as const;

export interface LogMelOptions extends Omit<MelOptions, 'fftSize'> {
  /** samples per frame (the core reads exactly this many); default = fftSize */
  frameLength?: number;
  /** FFT size, a power of two >= frameLength (frames are zero-padded); default 512 */
  fftSize?: number;
  /** analysis window (periodic); default 'hann' */
  window?: WindowType;
  /** spectrum the filterbank weighs: 'power' |X|^2 (default) or 'magnitude' |X| (MLPerf Tiny / TF examples) */
  spectrum?: 'power' | 'magnitude';
  /** factor applied to the spectrum, e.g. 1 / fftSize for python_speech_features' periodogram; default 1 */
  spectrumScale?: number;
  /** compression: 'ln' (default), 'log10', 'db' (10 log10), or 'none' (linear energies) */
  log?: 'ln' | 'log10' | 'db' | 'none';
  /** added to every energy before the log (MLPerf: 1e-6); default 1e-6 */
  logOffset?: number;
  /** energies are clamped to at least this before the log; default 1e-30 */
  logFloor?: number;
}

export interface LogMelPlan extends Described<Required<LogMelOptions>> {
  readonly frameLength: number;
  readonly fft: FftPlan;
  readonly mel: MelPlan;
  readonly window: Float32Array;
  /** scratch owned by the plan: the zero-padded windowed frame and the spectrum (JS is single-threaded) */
  readonly padded: Float32Array;
  readonly spectrumBuffer: Float32Array;
  /** spectrum bins the filterbank touches: only these are converted to magnitude */
  readonly binStart: number;
  readonly binEnd: number;
}

const BLOCK = 'logMel';

/**
 * Plans window -> |FFT|^2 (or |FFT|) -> mel filterbank -> log for one frame. Tables are built once.
 * @example
 * const plan = createLogMelPlan({ sampleRate: 16000, frameLength: 480, fftSize: 512, bands: 40, fMin: 20, fMax: 4000 });
 * logMel(plan, frame480, out40);
 */
export function createLogMelPlan(options: LogMelOptions, block = BLOCK, extraOptionNames: readonly string[] = []): LogMelPlan {
  rejectUnknownOptions(block, options, [...LOG_MEL_OPTION_NAMES, ...extraOptionNames]);
  const fftSize = requirePowerOfTwo(block, 'fftSize', options.fftSize ?? 512, 4, 65536);
  const frameLength = requireInteger(block, 'frameLength', options.frameLength ?? fftSize, 1, fftSize, `at most fftSize = ${fftSize}`);
  const window = requireOneOf(block, 'window', options.window ?? 'hann', WINDOW_TYPES);
  const spectrum = requireOneOf(block, 'spectrum', options.spectrum ?? 'power', ['power', 'magnitude'] as const);
  const spectrumScale = requireInRange(block, 'spectrumScale', options.spectrumScale ?? 1, 0, Number.MAX_VALUE, { minExclusive: true });
  const log = requireOneOf(block, 'log', options.log ?? 'ln', ['ln', 'log10', 'db', 'none'] as const);
  const logOffset = requireInRange(block, 'logOffset', options.logOffset ?? 1e-6, 0, Number.MAX_VALUE);
  const logFloor = requireFinite(block, 'logFloor', options.logFloor ?? 1e-30);
  if (log !== 'none' && logOffset === 0 && logFloor <= 0) {
    throw new ParameterError(block, 'logFloor', logFloor, 'a value > 0 when logOffset is 0 (log of a silent band would be -Infinity)');
  }
  const mel = createMelPlan({
    sampleRate: options.sampleRate,
    fftSize,
    bands: options.bands ?? 40,
    fMin: options.fMin ?? 0,
    fMax: options.fMax ?? options.sampleRate / 2,
    scale: options.scale ?? 'htk',
    triangles: options.triangles ?? 'hz',
    norm: options.norm ?? 'none',
  });
  // The filterbank weighs bins segments[0] .. segments[bands + 1] - 1 only.
  const binStart = mel.segments[0]!;
  const binEnd = mel.segments[mel.bands + 1]!;
  const resolved = { ...mel.description.options, frameLength, fftSize, window, spectrum, spectrumScale, log, logOffset, logFloor };
  return {
    description: describe(block, 2, resolved),
    frameLength,
    fft: createFftPlan({ size: fftSize }),
    mel,
    window: windowCoefficients(window, frameLength, false),
    padded: new Float32Array(fftSize),
    spectrumBuffer: new Float32Array(fftSize / 2 + 1),
    binStart,
    binEnd,
  };
}

/** Windows and zero-pads one frame into the plan's scratch and leaves |X[k]|^2 in plan.spectrumBuffer. */
export function framePowerSpectrum(plan: LogMelPlan, frame: Float32Array): void {
  const { padded, window } = plan;
  for (let i = 0; i < plan.frameLength; i++) padded[i] = frame[i]! * window[i]!;
  powerSpectrum(plan.fft, padded, plan.spectrumBuffer);
}

/** Applies the plan's spectrum type and scale to plan.spectrumBuffer (in place) and the filterbank into out. */
export function spectrumToMel(plan: LogMelPlan, out: Float32Array): void {
  const spec = plan.spectrumBuffer;
  const scale = plan.description.options.spectrumScale;
  if (plan.description.options.spectrum === 'magnitude') {
    for (let k = plan.binStart; k < plan.binEnd; k++) spec[k] = Math.sqrt(spec[k]!) * scale;
  } else if (scale !== 1) {
    for (let k = plan.binStart; k < plan.binEnd; k++) spec[k] = spec[k]! * scale;
  }
  applyMel(plan.mel, spec, out);
}

/** Linear mel energies of one frame (frameLength samples) into out (bands values). No allocation. */
export function melEnergies(plan: LogMelPlan, frame: Float32Array, out: Float32Array): void {
  framePowerSpectrum(plan, frame);
  spectrumToMel(plan, out);
}

/** Log-compresses mel energies in place as the plan says: log(max(x + logOffset, logFloor)). */
export function compressEnergies(plan: LogMelPlan, energies: Float32Array, count: number): void {
  const { log, logOffset, logFloor } = plan.description.options;
  if (log === 'none') return;
  const gain = log === 'ln' ? 1 : log === 'log10' ? Math.LOG10E : 10 * Math.LOG10E;
  for (let b = 0; b < count; b++) {
    const v = energies[b]! + logOffset;
    energies[b] = gain * Math.log(v > logFloor ? v : logFloor);
  }
}

/** Log-mel energies (filterbank energies) of one frame. No allocation. */
export function logMel(plan: LogMelPlan, frame: Float32Array, out: Float32Array): void {
  melEnergies(plan, frame, out);
  compressEnergies(plan, out, plan.mel.bands);
}
