import {
  describe,
  ParameterError,
  rejectUnknownOptions,
  requireInRange,
  requireInteger,
  requireOneOf,
  requirePositive,
  type Described,
} from '@sensorkit/dsp';
import type { BearingGeometry, FaultFrequencies, FaultKind } from '../contracts.js';
import { bearingFrequencies, checkBearing } from './bearing.js';
import {
  DEFAULT_FAULT_GAIN,
  MACHINE_DEFAULTS,
  type FaultOptions,
  type MachineOptions,
  type ResolvedFault,
  type ResolvedMachineOptions,
  type ResonanceOptions,
} from './machine-options.js';
import { randomAt, SEED_STREAMS } from './seed-hash.js';
import type { SeverityCurve } from './severity.js';
import { createSpeedProfile, type LoadStep, type SpeedProfile } from './speed-profile.js';

export const FAULT_KINDS = ['none', 'outer-race', 'inner-race', 'ball', 'imbalance', 'misalignment'] as const satisfies readonly FaultKind[];

/** A validated machine: everything MachineSignal needs to compute any sample, with its versioned description. */
export interface MachinePlan extends Described<ResolvedMachineOptions> {
  readonly name: string;
  readonly seed: number;
  /** mean shaft speed at the base load, Hz */
  readonly shaftHz: number;
  readonly bearing: BearingGeometry;
  /** defect frequencies at shaftHz, Hz */
  readonly frequencies: FaultFrequencies;
  readonly speed: SpeedProfile;
  readonly fault: FaultKind;
  /** signature size at severity 1 (g) */
  readonly faultGain: number;
  readonly severity: SeverityCurve;
  /** healthy amplitudes (g) and phases (rad) of the 1x..4x shaft harmonics */
  readonly harmonics: readonly number[];
  readonly harmonicPhases: readonly number[];
  readonly gearTeeth: number;
  /** g at load 0.5 */
  readonly gearMesh: number;
  /** phases (rad) of the mesh tone, its second harmonic and its shaft-rate modulation */
  readonly gearPhases: readonly [number, number, number];
  readonly resonances: readonly Required<ResonanceOptions>[];
  /** g RMS */
  readonly noise: number;
  readonly jitter: number;
}

const BLOCK = 'machine';
const KNOWN = ['name', 'seed', 'shaftHz', 'load', 'loadSteps', 'loadRamp', 'loadSpeedDrop', 'drift', 'bearing', 'harmonics', 'gearTeeth', 'gearMesh', 'resonances', 'noise', 'jitter', 'fault'];
/** Version of the numbers a machine produces: bump when any sample changes for the same options. */
const VERSION = 1;

/**
 * Validates a machine's options (ParameterError naming the option, value and range) and precomputes
 * its speed profile, defect frequencies and random phases.
 * @example
 * const plan = createMachine({ name: 'fan', fault: { kind: 'outer-race', onset: 20, failure: 100 } });
 * const { samples, truth } = simulate(plan, { sampleRate: 12800, duration: 120 });
 */
export function createMachine(options: MachineOptions = {}): MachinePlan {
  if (typeof options !== 'object' || options === null) throw new ParameterError(BLOCK, 'options', options, 'an object');
  rejectUnknownOptions(BLOCK, options, KNOWN);
  const d = MACHINE_DEFAULTS;
  const name = options.name ?? d.name;
  if (typeof name !== 'string' || !/^[\w.-]{1,64}$/.test(name)) {
    throw new ParameterError(BLOCK, 'name', name, '1..64 letters, digits, "_", "-" or "." (it becomes a file name)');
  }
  const seed = requireInteger(BLOCK, 'seed', options.seed ?? d.seed, 0, 0xffffffff);
  const shaftHz = requireInRange(BLOCK, 'shaftHz', options.shaftHz ?? d.shaftHz, 0, 1000, { minExclusive: true, hint: 'Hz' });
  const load = requireInRange(BLOCK, 'load', options.load ?? d.load, 0, 1);
  const loadRamp = requireInRange(BLOCK, 'loadRamp', options.loadRamp ?? d.loadRamp, 0, 600, { minExclusive: true, hint: 's' });
  const loadSteps = checkLoadSteps(options.loadSteps ?? [], loadRamp);
  const loadSpeedDrop = requireInRange(BLOCK, 'loadSpeedDrop', options.loadSpeedDrop ?? d.loadSpeedDrop, 0, 0.2);
  const drift = requireInRange(BLOCK, 'drift', options.drift ?? d.drift, 0, 0.05);
  const bearing = checkBearing(BLOCK, 'bearing', options.bearing ?? d.bearing);
  const harmonics = checkAmplitudes('harmonics', options.harmonics ?? d.harmonics, 3) as [number, number, number];
  const gearTeeth = requireInteger(BLOCK, 'gearTeeth', options.gearTeeth ?? d.gearTeeth, 0, 1000, '0 = no gear');
  const gearMesh = requireInRange(BLOCK, 'gearMesh', options.gearMesh ?? d.gearMesh, 0, 100, { hint: 'g' });
  const resonances = checkResonances(options.resonances ?? d.resonances);
  const noise = requireInRange(BLOCK, 'noise', options.noise ?? d.noise, 0, 100, { hint: 'g RMS' });
  const jitter = requireInRange(BLOCK, 'jitter', options.jitter ?? d.jitter, 0, 0.1, { hint: 'fraction of the fault period' });
  const fault = checkFault(options.fault ?? { kind: 'none' });

  const resolved: ResolvedMachineOptions = {
    name, seed, shaftHz, load, loadSteps, loadRamp, loadSpeedDrop, drift, bearing, harmonics, gearTeeth, gearMesh, resonances, noise, jitter, fault,
  };
  const phases = randomAt(seed, SEED_STREAMS.phases, 0);
  const angle = (): number => 2 * Math.PI * phases.uniform();
  return {
    description: describe(BLOCK, VERSION, resolved),
    name,
    seed,
    shaftHz,
    bearing,
    frequencies: bearingFrequencies(bearing, shaftHz),
    speed: createSpeedProfile({ shaftHz, load, loadSteps, loadRamp, loadSpeedDrop, drift, seed }),
    fault: fault.kind,
    faultGain: fault.gain,
    severity:
      'severity' in fault
        ? { type: 'constant', severity: fault.severity }
        : { type: 'run-to-failure', onset: fault.onset, failure: fault.failure, initial: fault.initial, growth: fault.growth },
    harmonics: [...harmonics, 0],
    harmonicPhases: [angle(), angle(), angle(), angle()],
    gearTeeth,
    gearMesh,
    gearPhases: [angle(), angle(), angle()],
    resonances,
    noise,
    jitter,
  };
}

function checkLoadSteps(steps: unknown, ramp: number): LoadStep[] {
  if (!Array.isArray(steps)) throw new ParameterError(BLOCK, 'loadSteps', steps, 'an array of { time (s), load (0..1) }');
  let earliest = 0;
  return steps.map((step: Partial<LoadStep> | null, i) => {
    const time = requireInRange(BLOCK, `loadSteps[${i}].time`, step?.time, earliest, 1e7, { hint: `s; steps in order, at least loadRamp = ${ramp} s apart` });
    earliest = time + ramp;
    return { time, load: requireInRange(BLOCK, `loadSteps[${i}].load`, step?.load, 0, 1) };
  });
}

function checkAmplitudes(argument: string, values: unknown, count: number): number[] {
  if (!Array.isArray(values) || values.length !== count) throw new ParameterError(BLOCK, argument, values, `${count} amplitudes in g`);
  return values.map((v: unknown, i) => requireInRange(BLOCK, `${argument}[${i}]`, v, 0, 100, { hint: 'g' }));
}

function checkResonances(values: unknown): Required<ResonanceOptions>[] {
  if (!Array.isArray(values) || values.length === 0 || values.length > 8) {
    throw new ParameterError(BLOCK, 'resonances', values, '1..8 resonances { hz, damping, gain? }');
  }
  return values.map((r: Partial<ResonanceOptions> | null, i) => ({
    hz: requirePositive(BLOCK, `resonances[${i}].hz`, r?.hz),
    damping: requireInRange(BLOCK, `resonances[${i}].damping`, r?.damping, 0, 0.5, { minExclusive: true, maxExclusive: true, hint: 'damping ratio' }),
    gain: requireInRange(BLOCK, `resonances[${i}].gain`, r?.gain ?? 1, 0, 100),
  }));
}

function checkFault(options: FaultOptions): ResolvedFault {
  if (typeof options !== 'object' || options === null) throw new ParameterError(BLOCK, 'fault', options, 'an object { kind, ... }');
  rejectUnknownOptions(BLOCK, options, ['kind', 'severity', 'onset', 'failure', 'initial', 'growth', 'gain']);
  const kind = requireOneOf(BLOCK, 'fault.kind', options.kind, FAULT_KINDS);
  if (kind === 'none') {
    for (const key of ['severity', 'onset', 'failure', 'initial', 'growth', 'gain'] as const) {
      if (options[key] !== undefined) throw new ParameterError(BLOCK, `fault.${key}`, options[key], 'nothing for fault kind "none" (choose a fault kind)');
    }
    return { kind, gain: 0, severity: 0 };
  }
  const gain = requireInRange(BLOCK, 'fault.gain', options.gain ?? DEFAULT_FAULT_GAIN[kind], 0, 100, { hint: 'g at severity 1' });
  if (options.onset === undefined && options.failure === undefined) {
    for (const key of ['initial', 'growth'] as const) {
      if (options[key] !== undefined) throw new ParameterError(BLOCK, `fault.${key}`, options[key], 'nothing without onset/failure (it shapes a run-to-failure)');
    }
    return { kind, gain, severity: requireInRange(BLOCK, 'fault.severity', options.severity ?? MACHINE_DEFAULTS.severity, 0, 1) };
  }
  if (options.severity !== undefined) {
    throw new ParameterError(BLOCK, 'fault.severity', options.severity, 'no constant severity with onset/failure (a run-to-failure grows from initial to 1)');
  }
  const onset = requireInRange(BLOCK, 'fault.onset', options.onset ?? 0, 0, 1e7, { hint: 's' });
  const failure = requireInRange(BLOCK, 'fault.failure', options.failure, onset, 1e7, { minExclusive: true, hint: 's, after onset' });
  const initial = requireInRange(BLOCK, 'fault.initial', options.initial ?? MACHINE_DEFAULTS.initial, 0, 1, { maxExclusive: true });
  const growth = requireInRange(BLOCK, 'fault.growth', options.growth ?? MACHINE_DEFAULTS.growth, 0, 50, { minExclusive: true });
  return { kind, gain, onset, failure, initial, growth };
}
