import { createRandom } from '@sensorkit/dsp';
import type { AlertEvent, HealthState, MachineSnapshot } from '../contracts.js';

/*
 * Synthetic snapshots for the dashboard's tests: a spectrum with a few lines over a noise floor and
 * an envelope spectrum whose peak sits on BPFO, with the usual bearing markers. Not a simulator:
 * just data whose answer the tests know.
 */

export const SHAFT_HZ = 25;
/** Markers of a 6205 bearing at 25 Hz (ratios from the CWRU bearing table). */
export const MARKERS: Record<string, number> = {
  '1x': SHAFT_HZ,
  FTF: 0.39828 * SHAFT_HZ,
  BSF: 2.357 * SHAFT_HZ,
  BPFO: 3.5848 * SHAFT_HZ,
  BPFI: 5.4152 * SHAFT_HZ,
};

export interface FixtureOptions {
  threshold?: number;
  /** bins of the spectrum (0..6400 Hz) */
  bins?: number;
  /** height of the BPFO line in the envelope spectrum, g */
  faultAmplitude?: number;
  seed?: number;
}

/** A snapshot at `time` (s) with the given health; score = health x threshold. */
export function makeSnapshot(
  machine: string,
  time: number,
  health: number,
  state: HealthState,
  options: FixtureOptions = {},
): MachineSnapshot {
  const { threshold = 3, bins = 2049, faultAmplitude = 0.05, seed = 1 } = options;
  const random = createRandom(seed + Math.round(time * 1000));
  const spectrumHz: number[] = [];
  const spectrumDb: number[] = [];
  for (let i = 0; i < bins; i++) {
    const f = (i * 6400) / (bins - 1);
    spectrumHz.push(f);
    const line = [1, 2, 3].some((k) => Math.abs(f - k * SHAFT_HZ) < 3.2) ? 40 : 0;
    spectrumDb.push(-70 + 3 * random.gaussian() + line);
  }
  const envelopeHz: number[] = [];
  const envelope: number[] = [];
  for (let i = 0; i <= 800; i++) {
    const f = i * 0.5;
    envelopeHz.push(f);
    const peak = Math.abs(f - MARKERS.BPFO!) < 0.26 ? faultAmplitude : 0;
    envelope.push(0.002 * (1 + 0.2 * random.uniform()) + peak);
  }
  return { machine, time, score: health * threshold, threshold, health, state, spectrumHz, spectrumDb, envelopeHz, envelope, markers: { ...MARKERS } };
}

/** An alert between two states with one deviating feature. */
export function makeAlert(machine: string, time: number, from: HealthState, to: HealthState, score: number): AlertEvent {
  return {
    machine,
    time,
    from,
    to,
    score,
    deviations: [
      { feature: 'env_bpfo', z: 7.5 },
      { feature: 'kurtosis', z: 4.25 },
    ],
    message: `${machine}: ${from} -> ${to}`,
  };
}
