/** Mel scales. HTK: 2595 log10(1 + f/700). Slaney (Auditory Toolbox, librosa default): linear below 1 kHz, log above. */
export type MelScale = 'htk' | 'slaney';

const SLANEY_F_SP = 200 / 3; // Hz per mel in the linear part
const SLANEY_MIN_LOG_HZ = 1000;
const SLANEY_MIN_LOG_MEL = SLANEY_MIN_LOG_HZ / SLANEY_F_SP;
const SLANEY_LOG_STEP = Math.log(6.4) / 27;

/** Hz -> mel on the given scale. */
export function hzToMel(hz: number, scale: MelScale): number {
  if (scale === 'htk') return 2595 * Math.log10(1 + hz / 700);
  return hz < SLANEY_MIN_LOG_HZ ? hz / SLANEY_F_SP : SLANEY_MIN_LOG_MEL + Math.log(hz / SLANEY_MIN_LOG_HZ) / SLANEY_LOG_STEP;
}

/** mel -> Hz on the given scale. */
export function melToHz(mel: number, scale: MelScale): number {
  if (scale === 'htk') return 700 * (10 ** (mel / 2595) - 1);
  return mel < SLANEY_MIN_LOG_MEL ? mel * SLANEY_F_SP : SLANEY_MIN_LOG_HZ * Math.exp(SLANEY_LOG_STEP * (mel - SLANEY_MIN_LOG_MEL));
}
