import type { BearingGeometry, FaultKind } from '../contracts.js';
import { BEARINGS } from './bearing.js';
import type { LoadStep } from './speed-profile.js';

/** A structural resonance rung by bearing impacts: a damped sinusoid. */
export interface ResonanceOptions {
  /** natural frequency, Hz (below Nyquist of every rate the machine is sampled at) */
  hz: number;
  /** damping ratio, (0, 0.5); 0.05 rings for ~1 ms at 3 kHz */
  damping: number;
  /** relative gain of this mode; default 1 */
  gain?: number;
}

/**
 * The fault a machine carries. Give `severity` for a fault of constant size, or `onset` and `failure`
 * for a run-to-failure (severity `initial` at onset, growing exponentially to 1 at failure).
 */
export interface FaultOptions {
  kind: FaultKind;
  /** constant severity in [0, 1]; default 0.5 when no onset is given */
  severity?: number;
  /** run-to-failure: time the fault appears, s (default 0 when only failure is given) */
  onset?: number;
  /** run-to-failure: time the fault reaches severity 1, s (> onset) */
  failure?: number;
  /** run-to-failure: severity at onset, [0, 1); default 0.1 (a small spall or unbalance) */
  initial?: number;
  /** run-to-failure: exponential growth rate over the onset..failure span, > 0; default 4 */
  growth?: number;
  /** signature size at severity 1: peak g of each impact (bearing faults), or g added to 1x (imbalance) / 2x (misalignment) */
  gain?: number;
}

export interface MachineOptions {
  /** name in file names and ground truth; default 'machine' */
  name?: string;
  /** seed of every random number of this machine (noise, phases, impact jitter, drift); default 1 */
  seed?: number;
  /** mean shaft speed at the base load, Hz; default 29.95 (1797 rpm, the CWRU test rig at 0 hp) */
  shaftHz?: number;
  /** base load, 0..1; default 0.5 */
  load?: number;
  /** load changes over the run (each ramps linearly over loadRamp s); default none */
  loadSteps?: LoadStep[];
  /** s a load change takes; default 2 */
  loadRamp?: number;
  /** fraction of shaft speed lost per unit of load above the base load (motor slip), [0, 0.2]; default 0.03 */
  loadSpeedDrop?: number;
  /** peak slow speed drift as a fraction of shaftHz, [0, 0.05]; default 0.002 */
  drift?: number;
  /** bearing geometry; default SKF 6205 (CWRU drive end) */
  bearing?: BearingGeometry;
  /** amplitudes of the 1x, 2x, 3x shaft harmonics of a healthy machine, g; default [0.04, 0.015, 0.008] */
  harmonics?: [number, number, number];
  /** gear teeth on the shaft: a mesh tone at teeth x shaft speed with sidebands at shaft rate; 0 (default) = direct drive */
  gearTeeth?: number;
  /** gear-mesh tone amplitude at load 0.5, g; default 0.1 */
  gearMesh?: number;
  /** structural resonances rung by bearing impacts; default one at 3000 Hz, damping 0.05 */
  resonances?: ResonanceOptions[];
  /** broadband noise RMS, g; default 0.02 */
  noise?: number;
  /** impact timing jitter from rolling-element slip: SD as a fraction of the fault period, [0, 0.1]; default 0.015 */
  jitter?: number;
  /** the fault; default none */
  fault?: FaultOptions;
}

/** Options with every default filled in: what a machine's description records. */
export interface ResolvedMachineOptions {
  name: string;
  seed: number;
  shaftHz: number;
  load: number;
  loadSteps: LoadStep[];
  loadRamp: number;
  loadSpeedDrop: number;
  drift: number;
  bearing: BearingGeometry;
  harmonics: [number, number, number];
  gearTeeth: number;
  gearMesh: number;
  resonances: Required<ResonanceOptions>[];
  noise: number;
  jitter: number;
  fault: ResolvedFault;
}

export type ResolvedFault =
  | { kind: FaultKind; gain: number; severity: number }
  | { kind: FaultKind; gain: number; onset: number; failure: number; initial: number; growth: number };

export const MACHINE_DEFAULTS = {
  name: 'machine',
  seed: 1,
  shaftHz: 29.95,
  load: 0.5,
  loadRamp: 2,
  loadSpeedDrop: 0.03,
  drift: 0.002,
  bearing: BEARINGS['skf-6205'],
  harmonics: [0.04, 0.015, 0.008],
  gearTeeth: 0,
  gearMesh: 0.1,
  resonances: [{ hz: 3000, damping: 0.05, gain: 1 }],
  noise: 0.02,
  jitter: 0.015,
  severity: 0.5,
  initial: 0.1,
  growth: 4,
} as const;

/**
 * Signature size at severity 1 per fault kind. Bearing faults: peak g of each impact before the
 * resonance (CWRU's 0.021 in faults show 1-3 g peaks). Imbalance: g added to 1x, so a 30 Hz machine
 * goes from 0.04 g (1.5 mm/s RMS velocity, ISO 10816 class II zone B) to 0.44 g (16 mm/s, zone D) at failure.
 */
export const DEFAULT_FAULT_GAIN: Record<FaultKind, number> = {
  none: 0,
  'outer-race': 2.5,
  'inner-race': 2,
  ball: 1.2,
  imbalance: 0.4,
  misalignment: 0.25,
};
