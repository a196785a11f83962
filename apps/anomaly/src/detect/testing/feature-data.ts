import { BEARINGS } from '../../simulator/bearing.js';
import { createWindowFeaturesPlan, type WindowFeaturesPlan } from '../feature-plan.js';
import { FeatureStream, type FeatureRow } from '../feature-stream.js';
import { syntheticVibration, type SyntheticFault } from './synthetic.js';

/** The synthetic machine of the detector tests: 8 kHz, resonance at 2.5 kHz, SKF 6205 bearing at 30 Hz. */
export const TEST_RATE = 8000;
export const TEST_BPFO = 107.4;

/** The tests' feature plan: 0.25 s windows every 0.125 s, with envelope lines. */
export function testPlan(): WindowFeaturesPlan {
  return createWindowFeaturesPlan({ sampleRate: TEST_RATE, window: 0.25, bearing: BEARINGS['skf-6205'], shaftHz: 30 });
}

/** Feature rows of one synthetic run (seed = run: its own speed, level, phases and noise). */
export function runRows(plan: WindowFeaturesPlan, seed: number, seconds: number, fault?: SyntheticFault): FeatureRow[] {
  const samples = syntheticVibration({ sampleRate: TEST_RATE, duration: seconds, seed, resonanceHz: 2500, ...(fault ? { fault } : {}) });
  return new FeatureStream(plan).push({ samples, sampleRate: TEST_RATE, channels: 1, index: 0 });
}

/** Normal training runs, fresh normal runs, and two faults (outer-race impacts, imbalance), as value rows. */
export function detectorData(plan: WindowFeaturesPlan): {
  train: FeatureRow[][];
  fresh: Float64Array[];
  outer: Float64Array[];
  imbalance: Float64Array[];
} {
  const values = (rows: FeatureRow[]): Float64Array[] => rows.map((r) => r.values);
  return {
    train: [1, 2, 3, 4, 5, 6].map((seed) => runRows(plan, seed, 4)),
    fresh: [11, 12, 13].flatMap((seed) => values(runRows(plan, seed, 4))),
    outer: [21, 22].flatMap((seed) => values(runRows(plan, seed, 4, { kind: 'impacts', rate: TEST_BPFO, amplitude: 0.1 }))),
    imbalance: [31, 32].flatMap((seed) => values(runRows(plan, seed, 4, { kind: 'imbalance', amplitude: 0.1 }))),
  };
}
