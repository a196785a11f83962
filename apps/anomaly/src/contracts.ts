/*
 * The shapes the anomaly app's parts exchange: the simulator's ground truth, the detector's per-window
 * verdicts, and the dashboard's snapshots. Kept in one file so the simulator, the detectors, the
 * dashboard and the demo agree without importing each other's internals.
 */

/** Rolling-element bearing geometry. */
export interface BearingGeometry {
  /** number of rolling elements */
  balls: number;
  /** rolling-element diameter, mm */
  ballDiameter: number;
  /** pitch diameter, mm */
  pitchDiameter: number;
  /** contact angle, degrees */
  contactAngle: number;
}

/** Characteristic defect frequencies in Hz at a shaft speed (outer race, inner race, ball spin, cage). */
export interface FaultFrequencies {
  shaft: number;
  bpfo: number;
  bpfi: number;
  bsf: number;
  ftf: number;
}

export type FaultKind = 'none' | 'outer-race' | 'inner-race' | 'ball' | 'imbalance' | 'misalignment';

/** One point of a run's ground truth: from `time` (s) on, the fault has this severity (0 = healthy, 1 = failed). */
export interface SeverityPoint {
  time: number;
  severity: number;
}

/** What a simulated recording is, written next to it as JSON. */
export interface SimulationTruth {
  machine: string;
  seed: number;
  sampleRate: number;
  /** 'g' */
  units: string;
  duration: number;
  shaftHz: number;
  bearing: BearingGeometry;
  frequencies: FaultFrequencies;
  fault: FaultKind;
  /** time (s) the fault starts, if any */
  onset?: number;
  /** time (s) the fault reaches severity 1, if any */
  failure?: number;
  timeline: SeverityPoint[];
}

export type HealthState = 'normal' | 'warning' | 'alarm';

/** A feature that deviates most from normal in a window: the "why" of an alert. */
export interface Deviation {
  feature: string;
  /** how far from normal, in standard deviations of the normal data */
  z: number;
}

/** The detector's verdict on one window. */
export interface WindowScore {
  machine: string;
  /** start of the window, s (sample index / rate) */
  time: number;
  score: number;
  /** smoothed score / threshold */
  health: number;
  state: HealthState;
  deviations: Deviation[];
}

/** A change of state worth telling an operator. */
export interface AlertEvent {
  machine: string;
  time: number;
  from: HealthState;
  to: HealthState;
  score: number;
  deviations: Deviation[];
  message: string;
}

/** What the dashboard shows of one machine at one moment. */
export interface MachineSnapshot {
  machine: string;
  time: number;
  score: number;
  threshold: number;
  health: number;
  state: HealthState;
  /** frequency axis (Hz) and dB values of the current spectrum */
  spectrumHz: number[];
  spectrumDb: number[];
  /** frequency axis (Hz) and amplitude of the current envelope spectrum */
  envelopeHz: number[];
  envelope: number[];
  /** lines to mark on the spectra: name -> Hz */
  markers: Record<string, number>;
}
