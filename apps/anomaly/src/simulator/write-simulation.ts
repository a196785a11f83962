import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { ParameterError, type PlanDescription } from '@sensorkit/dsp';
import type { SimulationTruth } from '../contracts.js';
import type { ResolvedMachineOptions } from './machine-options.js';
import type { MachinePlan } from './machine-plan.js';
import { MachineSignal } from './machine-signal.js';
import { formatForPath, formatFromExtension, openSignalFile, type SimulationFormat } from './signal-file.js';
import { framesFor, machineTruth, type SimulationResult } from './simulate.js';

export interface WriteSimulationOptions {
  /** wav (32-bit float), f32 (raw little-endian float32) or csv (time,accel_g); default from the extension, else wav */
  format?: SimulationFormat;
}

/** One recording on disk: the signal file and its ground truth. */
export interface WrittenRecording {
  readonly machine: string;
  readonly file: string;
  /** `<file>.json`: the SimulationTruth, plus `model` (the machine's versioned description) */
  readonly truthFile: string;
  readonly format: SimulationFormat;
  readonly frames: number;
}

/** What the truth file holds: the contract's SimulationTruth and the options that rebuild the machine. */
export type TruthFile = SimulationTruth & { model: PlanDescription<ResolvedMachineOptions> };

/** The ground-truth file written next to a signal file. */
export function truthPath(file: string): string {
  return `${file}.json`;
}

/**
 * Writes simulated recordings with their ground truth (`<file>.json`). `path` is a file (.wav, .f32,
 * .csv) for one result, or a directory (any other name, created if needed) that receives
 * `<machine>.<format>` per result.
 * @example
 * await writeSimulation('runs/', demoFleet(1, 60).map((p) => simulate(p, { sampleRate: 12800, duration: 60 })));
 */
export async function writeSimulation(
  path: string,
  result: SimulationResult | readonly SimulationResult[],
  options: WriteSimulationOptions = {},
): Promise<WrittenRecording[]> {
  const results = Array.isArray(result) ? (result as readonly SimulationResult[]) : [result as SimulationResult];
  const targets = await resolveTargets(path, results.map((r) => r.truth.machine), options.format);
  const written: WrittenRecording[] = [];
  for (let i = 0; i < results.length; i++) {
    const { samples, truth, model } = results[i]!;
    const { file, format } = targets[i]!;
    const writer = await openSignalFile(file, format, truth.sampleRate);
    try {
      await writer.write(samples);
    } finally {
      await writer.close();
    }
    await writeTruth(file, { ...truth, model });
    written.push({ machine: truth.machine, file, truthFile: truthPath(file), format, frames: samples.length });
  }
  return written;
}

export interface RecordingOptions extends WriteSimulationOptions {
  /** Hz */
  sampleRate: number;
  /** s */
  duration: number;
  /** frames computed and written at a time; default 65536 */
  chunkFrames?: number;
  /** called after each chunk with the frames written so far */
  onProgress?: (frames: number, total: number) => void;
}

/**
 * Simulates machines straight to disk chunk by chunk (memory stays flat however long the run), with
 * the same targets and truth files as writeSimulation.
 * @example
 * await writeRecordings('runs/', demoFleet(1, 3600), { sampleRate: 12800, duration: 3600 });
 */
export async function writeRecordings(path: string, plans: readonly MachinePlan[], options: RecordingOptions): Promise<WrittenRecording[]> {
  // Every plan is checked against the rate before any file is created.
  const signals = plans.map((plan) => new MachineSignal(plan, options.sampleRate));
  const total = framesFor(options.sampleRate, options.duration);
  const step = options.chunkFrames ?? 1 << 16;
  const targets = await resolveTargets(path, plans.map((p) => p.name), options.format);
  const written: WrittenRecording[] = [];
  const buffer = new Float32Array(Math.min(step, total));
  for (let m = 0; m < plans.length; m++) {
    const { file, format } = targets[m]!;
    const writer = await openSignalFile(file, format, options.sampleRate);
    try {
      for (let index = 0; index < total; index += step) {
        const frames = Math.min(step, total - index);
        signals[m]!.fill(buffer, index, frames);
        await writer.write(buffer.subarray(0, frames));
        options.onProgress?.(index + frames, total);
      }
    } finally {
      await writer.close();
    }
    await writeTruth(file, { ...machineTruth(plans[m]!, options.sampleRate, options.duration), model: plans[m]!.description });
    written.push({ machine: plans[m]!.name, file, truthFile: truthPath(file), format, frames: total });
  }
  return written;
}

/** Reads the ground truth written next to a simulated signal file (give the signal file or the .json). */
export async function readTruth(file: string): Promise<TruthFile> {
  const path = file.endsWith('.json') ? file : truthPath(file);
  return JSON.parse(await readFile(path, 'utf8')) as TruthFile;
}

async function writeTruth(file: string, truth: TruthFile): Promise<void> {
  await writeFile(truthPath(file), `${JSON.stringify(truth, null, 2)}\n`);
}

/**
 * One target file per machine. `path` is a file when it ends in .wav, .f32 or .csv and is not an existing
 * directory (one machine only); anything else is a directory that receives `<machine>.<format>`.
 */
async function resolveTargets(path: string, machines: readonly string[], format?: SimulationFormat): Promise<{ file: string; format: SimulationFormat }[]> {
  if (machines.length === 0) throw new ParameterError('writeSimulation', 'result', machines, 'at least one simulation');
  if (new Set(machines).size !== machines.length) {
    throw new ParameterError('writeSimulation', 'machines', machines, 'distinct machine names (they become file names)');
  }
  const existingDirectory = await stat(path).then((s) => s.isDirectory(), () => false);
  const isFile = !existingDirectory && !path.endsWith('/') && !path.endsWith(sep) && formatFromExtension(path) !== undefined;
  if (isFile && machines.length > 1) {
    throw new ParameterError('writeSimulation', 'path', path, `a directory for ${machines.length} machines (a signal file holds one)`);
  }
  if (isFile) {
    await mkdir(dirname(path), { recursive: true });
    return [{ file: path, format: formatForPath(path, format) }];
  }
  await mkdir(path, { recursive: true });
  const chosen = format === undefined ? 'wav' : formatForPath('', format);
  return machines.map((machine) => ({ file: join(path, `${machine}.${chosen}`), format: chosen }));
}

