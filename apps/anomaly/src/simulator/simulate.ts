import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { requireInRange, requireInteger, type PlanDescription, type SampleChunk } from '@sensorkit/dsp';
import type { SimulationTruth } from '../contracts.js';
import type { ResolvedMachineOptions } from './machine-options.js';
import type { MachinePlan } from './machine-plan.js';
import { MachineSignal } from './machine-signal.js';
import { severityTimeline } from './severity.js';

export interface SimulateOptions {
  /** Hz */
  sampleRate: number;
  /** s */
  duration: number;
}

/** A simulated recording: samples in g, its ground truth, and the machine's versioned description. */
export interface SimulationResult {
  readonly samples: Float32Array;
  readonly truth: SimulationTruth;
  readonly model: PlanDescription<ResolvedMachineOptions>;
}

const BLOCK = 'simulate';
/** Longest signal simulate() returns in one array; longer runs stream through machineChunks. */
const MAX_FRAMES = 1 << 28;

/** Frames in `duration` s at `sampleRate` Hz (rounded to the nearest sample). */
export function framesFor(sampleRate: number, duration: number): number {
  requireInRange(BLOCK, 'duration', duration, 0, 1e7, { minExclusive: true, hint: 's' });
  return Math.max(1, Math.round(duration * sampleRate));
}

/**
 * The ground truth of `duration` s of a machine at `sampleRate` Hz: what writeSimulation stores as JSON.
 * `shaftHz` and `frequencies` are at the base load; `timeline` samples the severity curve.
 */
export function machineTruth(plan: MachinePlan, sampleRate: number, duration: number): SimulationTruth {
  const curve = plan.severity;
  const truth: SimulationTruth = {
    machine: plan.name,
    seed: plan.seed,
    sampleRate,
    units: 'g',
    duration,
    shaftHz: plan.shaftHz,
    bearing: { ...plan.bearing },
    frequencies: { ...plan.frequencies },
    fault: plan.fault,
    timeline: plan.fault === 'none' ? [{ time: 0, severity: 0 }] : severityTimeline(curve, duration),
  };
  if (plan.fault !== 'none') {
    if (curve.type === 'run-to-failure') {
      truth.onset = curve.onset;
      truth.failure = curve.failure;
    } else if (curve.severity > 0) {
      truth.onset = 0;
    }
  }
  return truth;
}

/**
 * Simulates `duration` s of a machine at `sampleRate` Hz in one array (g).
 * @example
 * const { samples, truth } = simulate(createMachine({ fault: { kind: 'outer-race', severity: 0.4 } }), { sampleRate: 12800, duration: 10 });
 * console.log(truth.frequencies.bpfo); // 107.4 Hz
 */
export function simulate(plan: MachinePlan, options: SimulateOptions): SimulationResult {
  const signal = new MachineSignal(plan, options.sampleRate);
  const frames = framesFor(options.sampleRate, options.duration);
  requireInteger(BLOCK, 'duration x sampleRate', frames, 1, MAX_FRAMES, 'samples; stream longer runs with machineChunks');
  const samples = new Float32Array(frames);
  const step = 1 << 16;
  for (let i = 0; i < frames; i += step) signal.fill(samples.subarray(i), i, Math.min(step, frames - i));
  return { samples, truth: machineTruth(plan, options.sampleRate, options.duration), model: plan.description };
}

export interface MachineChunksOptions {
  /** Hz */
  sampleRate: number;
  /** s; default: endless */
  duration?: number;
  /** frames per chunk */
  chunkFrames: number;
  /** sample index of the first chunk; default 0 (resume a stream where it stopped) */
  startIndex?: number;
}

/**
 * Streams a machine as mono SampleChunks (g), index-stamped, as fast as the consumer pulls; it yields
 * to the event loop between chunks, so an endless stream never starves timers or I/O. For RxJS:
 * `from(machineChunks(plan, options))`. The samples equal simulate()'s, whatever chunkFrames is.
 * @example
 * for await (const chunk of machineChunks(plan, { sampleRate: 12800, duration: 60, chunkFrames: 4096 })) pipeline.next(chunk);
 */
export function machineChunks(plan: MachinePlan, options: MachineChunksOptions): AsyncGenerator<SampleChunk> {
  const signal = new MachineSignal(plan, options.sampleRate);
  const chunkFrames = requireInteger(BLOCK, 'chunkFrames', options.chunkFrames, 1, 1 << 24);
  const start = requireInteger(BLOCK, 'startIndex', options.startIndex ?? 0, 0);
  const end = options.duration === undefined ? Infinity : framesFor(options.sampleRate, options.duration);
  return (async function* chunks(): AsyncGenerator<SampleChunk> {
    for (let index = start; index < end; index += chunkFrames) {
      const frames = Math.min(chunkFrames, end - index);
      const samples = new Float32Array(frames);
      signal.fill(samples, index, frames);
      yield { samples, sampleRate: options.sampleRate, channels: 1, index };
      await yieldToEventLoop();
    }
  })();
}
