import { requireInRange, requireInteger } from '@sensorkit/dsp';
import { BEARINGS } from './bearing.js';
import { MACHINE_DEFAULTS, type MachineOptions } from './machine-options.js';
import { createMachine, type MachinePlan } from './machine-plan.js';
import { mixSeed, randomAt, SEED_STREAMS } from './seed-hash.js';

/**
 * The demo's fleet for a run of `duration` s: three machines with their own seeds, bearings, speeds and
 * loads. `pump-1` stays healthy (through a load change); `fan-2` develops an outer-race fault (onset at
 * 25 % of the run, failure at 85 %); `gearbox-3` has a gear mesh and a growing imbalance (20 % to 90 %).
 * Every resonance and mesh tone stays below 5 kHz, so 12.8 kHz sampling or more serves them all.
 * @example
 * const fleet = demoFleet(1, 300);
 * const streams = fleet.map((plan) => machineChunks(plan, { sampleRate: 12800, duration: 300, chunkFrames: 4096 }));
 */
export function demoFleet(seed = 1, duration = 120): MachinePlan[] {
  requireInteger('demoFleet', 'seed', seed, 0, 0xffffffff);
  const d = requireInRange('demoFleet', 'duration', duration, 0, 1e7, { minExclusive: true, hint: 's' });
  const at = (fraction: number): number => Number((fraction * d).toFixed(6));
  const machines: MachineOptions[] = [
    {
      name: 'pump-1',
      shaftHz: 29.95,
      load: 0.6,
      loadSteps: [{ time: at(0.5), load: 0.45 }],
      loadRamp: Math.min(2, at(0.05)),
      bearing: BEARINGS['skf-6205'],
      fault: { kind: 'none' },
    },
    {
      name: 'fan-2',
      shaftHz: 24.6,
      load: 0.4,
      bearing: BEARINGS['skf-6203'],
      harmonics: [0.05, 0.012, 0.006],
      resonances: [{ hz: 3400, damping: 0.06, gain: 1 }],
      noise: 0.025,
      fault: { kind: 'outer-race', onset: at(0.25), failure: at(0.85) },
    },
    {
      name: 'gearbox-3',
      shaftHz: 49.6,
      load: 0.7,
      bearing: BEARINGS['skf-6205'],
      gearTeeth: 27,
      gearMesh: 0.08,
      resonances: [{ hz: 2600, damping: 0.05, gain: 1 }],
      fault: { kind: 'imbalance', onset: at(0.2), failure: at(0.9) },
    },
  ];
  return machines.map((options, i) => createMachine({ ...options, seed: mixSeed(seed, SEED_STREAMS.variants, i) }));
}

/**
 * `count` runs of one machine design, as from a fleet of identical machines or repeated runs: each
 * gets its own seed (noise, phases, impact jitter, drift), a shaft speed within +-3 % and a base load
 * within +-0.15 of the design's, and the name `<name>-<i>` (1-based). One run keeps the options as given.
 * @example
 * const normals = machineVariants({ name: 'motor' }, 5, 42).map((o) => createMachine(o));
 */
export function machineVariants(base: MachineOptions, count: number, seed: number): MachineOptions[] {
  requireInteger('machineVariants', 'count', count, 1, 10000);
  requireInteger('machineVariants', 'seed', seed, 0, 0xffffffff);
  if (count === 1) return [{ ...base, seed }];
  const shaftHz = base.shaftHz ?? MACHINE_DEFAULTS.shaftHz;
  const load = base.load ?? MACHINE_DEFAULTS.load;
  const name = base.name ?? MACHINE_DEFAULTS.name;
  return Array.from({ length: count }, (_, i) => {
    const random = randomAt(seed, SEED_STREAMS.variants, i);
    return {
      ...base,
      name: `${name}-${i + 1}`,
      seed: mixSeed(seed, SEED_STREAMS.variants, i),
      shaftHz: Number((shaftHz * (1 + 0.06 * (random.uniform() - 0.5))).toFixed(4)),
      load: Number(Math.min(1, Math.max(0, load + 0.3 * (random.uniform() - 0.5))).toFixed(3)),
    };
  });
}
