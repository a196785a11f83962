import { describe, ParameterError, rejectUnknownOptions, requireInRange, requireInteger, requirePositive, type Described } from '@sensorkit/dsp';

export interface TriggerOptions {
  /** Hz of the readings */
  sampleRate: number;
  /** interleaved channels, >= 3; the accelerometer (g) is channels 0-2 */
  channels: number;
  /** g: the trigger fires when | |a| - gravity | reaches this (default 0.3) */
  threshold?: number;
  /** s the motion must stay above the threshold to fire (default 0.02: a one-sample glitch does not) */
  confirm?: number;
  /** s of readings kept from before the trigger (default 0.25) */
  preTrigger?: number;
  /** s captured in all, pre-trigger included (default 1.5) */
  window?: number;
  /** s after a capture ends during which nothing fires (default 0.25) */
  refractory?: number;
  /** s, time constant of the gravity estimate, followed only while the wrist is still (default 2) */
  gravityTau?: number;
}

/** Checked trigger settings, in samples where the core needs samples. */
export interface TriggerPlan extends Described<Required<TriggerOptions>> {
  readonly sampleRate: number;
  readonly channels: number;
  readonly threshold: number;
  readonly confirmSamples: number;
  readonly preSamples: number;
  readonly windowSamples: number;
  readonly refractorySamples: number;
  /** EMA weight of a new |a| in the gravity estimate */
  readonly gravityAlpha: number;
}

const BLOCK = 'motion-trigger';
const KNOWN = ['sampleRate', 'channels', 'threshold', 'confirm', 'preTrigger', 'window', 'refractory', 'gravityTau'];

/**
 * Checks motion-trigger settings once.
 * @example
 * const plan = createTriggerPlan({ sampleRate: 119, channels: 6, threshold: 0.3, window: 1 });
 */
export function createTriggerPlan(options: TriggerOptions): TriggerPlan {
  rejectUnknownOptions(BLOCK, options, KNOWN);
  const sampleRate = requirePositive(BLOCK, 'sampleRate', options.sampleRate);
  const channels = requireInteger(BLOCK, 'channels', options.channels, 3, 64);
  const threshold = requireInRange(BLOCK, 'threshold', options.threshold ?? 0.3, 0, 16, { minExclusive: true });
  const confirm = requireInRange(BLOCK, 'confirm', options.confirm ?? 0.02, 0, 1);
  const preTrigger = requireInRange(BLOCK, 'preTrigger', options.preTrigger ?? 0.25, 0, 60);
  const window = requireInRange(BLOCK, 'window', options.window ?? 1.5, 0, 60, { minExclusive: true });
  const refractory = requireInRange(BLOCK, 'refractory', options.refractory ?? 0.25, 0, 60);
  const gravityTau = requireInRange(BLOCK, 'gravityTau', options.gravityTau ?? 2, 0, 3600, { minExclusive: true });
  const windowSamples = Math.round(window * sampleRate);
  const preSamples = Math.round(preTrigger * sampleRate);
  if (windowSamples < 2) throw new ParameterError(BLOCK, 'window', window, `at least 2 samples at ${sampleRate} Hz`);
  const confirmSamples = Math.max(1, Math.round(confirm * sampleRate));
  if (preSamples + confirmSamples >= windowSamples) {
    throw new ParameterError(BLOCK, 'preTrigger', preTrigger, `pre-trigger + confirm (${confirm} s) shorter than the window (${window} s)`);
  }
  return {
    description: describe(BLOCK, 1, { sampleRate, channels, threshold, confirm, preTrigger, window, refractory, gravityTau }),
    sampleRate,
    channels,
    threshold,
    confirmSamples,
    preSamples,
    windowSamples,
    refractorySamples: Math.round(refractory * sampleRate),
    gravityAlpha: Math.min(1, 1 / (gravityTau * sampleRate)),
  };
}
