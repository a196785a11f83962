import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ParameterError } from '@sensorkit/dsp';
import { int8ModelToJson, type Int8Model } from '@sensorkit/ml';
import { STRICT_FLAGS } from '../compile.js';
import { RUNTIME_SOURCES } from '../runtime-files.js';
import { writeModelExport } from '../write-export.js';
import { FIRMWARE_DIR, FIRMWARE_SOURCES, FIRMWARE_TARGETS, targetBuild, type FirmwareTarget } from './firmware-files.js';

const run = promisify(execFile);

/** A built firmware image. */
export interface BuiltFirmware {
  target: FirmwareTarget;
  /** the executable (host) or ELF (qemu-mps2-an386) */
  file: string;
  /** what HELLO reports: `<name>-<first 8 hex of the int8 model's SHA-256>` */
  modelId: string;
  /** the exported C sources it was built from */
  exportDir: string;
  arenaBytes: number;
  inputSize: number;
  outputSize: number;
  /** flash (text + data) and RAM (data + bss) from arm-none-eabi-size, for microcontroller targets */
  size?: { text: number; data: number; bss: number; flash: number; ram: number };
}

/** The id a firmware reports for a model: its name and a hash of its int8 description. */
export function firmwareModelId(model: Int8Model, name: string): string {
  return `${name}-${createHash('sha256').update(int8ModelToJson(model)).digest('hex').slice(0, 8)}`;
}

export function requireFirmwareTarget(value: string): FirmwareTarget {
  if (!(FIRMWARE_TARGETS as readonly string[]).includes(value)) throw new ParameterError('board build', 'target', value, FIRMWARE_TARGETS.join(' or '));
  return value as FirmwareTarget;
}

/**
 * Exports an int8 model as C (into `<out>/export`) and builds the firmware for a target around it, with
 * every warning an error. The host target is a native executable on a pseudo-terminal; QEMU's is an ELF.
 * @example
 * const fw = await buildFirmware(int8, 'gesture', 'qemu-mps2-an386', 'build/fw-gesture');
 * fw.size?.flash; // bytes
 */
export interface FirmwareBuildOptions {
  /** host target only: AddressSanitizer and UBSan, any report kills the board (for tests that feed it garbage) */
  sanitize?: boolean;
}

export async function buildFirmware(model: Int8Model, name: string, target: FirmwareTarget, out: string, options: FirmwareBuildOptions = {}): Promise<BuiltFirmware> {
  if (options.sanitize && target !== 'host') throw new ParameterError('board build', 'sanitize', true, 'only for the host target');
  const exportDir = join(out, 'export');
  const written = await writeModelExport(exportDir, model, name);
  const modelId = firmwareModelId(model, name);
  const build = targetBuild(target);
  await mkdir(out, { recursive: true });
  const file = join(out, build.output);
  const sources = [...FIRMWARE_SOURCES.map((f) => join(FIRMWARE_DIR, f)), ...build.sources, join(exportDir, `${name}_model.c`), ...RUNTIME_SOURCES.map((f) => join(exportDir, f))];
  const defines = [`-DSK_MODEL=${name}_model`, `-DSK_ARENA_SIZE=${written.footprint.arenaBytes}`, `-DSK_MODEL_ID="${modelId}"`];
  const sanitize = options.sanitize ? ['-fsanitize=address,undefined', '-fno-sanitize-recover=all'] : [];
  await run(build.compiler, [...STRICT_FLAGS, ...build.flags, ...sanitize, ...defines, '-I', FIRMWARE_DIR, '-I', exportDir, ...sources, ...build.linkFlags, '-o', file]);
  const result: BuiltFirmware = { target, file, modelId, exportDir, arenaBytes: written.footprint.arenaBytes, inputSize: written.inputSize, outputSize: written.outputSize };
  if (target !== 'host') result.size = await elfSize(file);
  return result;
}

/** Sections of an ELF as arm-none-eabi-size reports them (Berkeley format): flash = text + data, RAM = data + bss. */
export async function elfSize(file: string): Promise<{ text: number; data: number; bss: number; flash: number; ram: number }> {
  const { stdout } = await run('arm-none-eabi-size', ['-B', file]);
  const [text, data, bss] = stdout.trim().split('\n')[1]!.trim().split(/\s+/).map(Number) as [number, number, number];
  return { text, data, bss, flash: text + data, ram: data + bss };
}
