import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DSP_SOURCES, FEATURES_HARNESS, HOST_HARNESS, RUNTIME_SOURCES } from './runtime-files.js';

const run = promisify(execFile);

/** The warnings every build of the runtime must pass without a single one. */
export const STRICT_FLAGS = ['-std=c99', '-Wall', '-Wextra', '-Werror', '-pedantic'];
/** Cortex-M4 with the FPU, as the boards (and QEMU mps2-an386) have. */
export const CORTEX_M4_FLAGS = ['-mcpu=cortex-m4', '-mthumb', '-mfloat-abi=hard', '-mfpu=fpv4-sp-d16', '-O2'];

/**
 * Builds the host harness (runtime/host/sk_run_file.c) against an exported folder, under AddressSanitizer
 * and UBSan (any report aborts the run): `<binary> inputs.bin outputs.bin`.
 * @example
 * const binary = await buildHostRunner('build/kws-c', 'kws', 4000);
 */
export async function buildHostRunner(dir: string, name: string, arenaBytes: number, options: { sanitize?: boolean } = {}): Promise<string> {
  const binary = join(dir, `${name}_run`);
  const sanitize = options.sanitize ?? true ? ['-fsanitize=address,undefined', '-fno-sanitize-recover=all', '-g'] : [];
  const sources = [`${name}_model.c`, ...RUNTIME_SOURCES].map((f) => join(dir, f));
  await run('gcc', [...STRICT_FLAGS, '-O1', ...sanitize, `-DSK_MODEL=${name}_model`, `-DSK_ARENA_SIZE=${arenaBytes}`, '-I', dir, ...sources, HOST_HARNESS, '-o', binary]);
  return binary;
}

/** Bytes per section kind of an object file, as arm-none-eabi-size reports them (Berkeley format). */
export interface ObjectSize {
  file: string;
  /** code and read-only data (flash) */
  text: number;
  /** initialised data (flash and RAM) */
  data: number;
  /** zeroed data (RAM) */
  bss: number;
}

/** Cortex-M4 footprint of an exported folder: the runtime's code and the model's constant data, separately. */
export interface CortexM4Footprint {
  runtime: ObjectSize[];
  model: ObjectSize;
  /** runtime text + data: the code every model shares */
  runtimeBytes: number;
  /** model text + data: weights, quantization parameters, tables */
  modelBytes: number;
  /** the C front end, when the export has one: its code (sk_mfcc.c, sk_fft.c) and its tables */
  features?: { code: ObjectSize[]; tables: ObjectSize; codeBytes: number; tableBytes: number };
}

/**
 * Compiles an exported folder for Cortex-M4 with arm-none-eabi-gcc (warnings are errors) and sizes each
 * object with arm-none-eabi-size. Objects go to `<dir>/cortex-m4/`.
 */
export async function cortexM4Footprint(dir: string, name: string, options: { features?: boolean } = {}): Promise<CortexM4Footprint> {
  const objects = join(dir, 'cortex-m4');
  await mkdir(objects, { recursive: true });
  const sizeOf = async (source: string): Promise<ObjectSize> => {
    const object = join(objects, source.replace(/\.c$/, '.o'));
    await run('arm-none-eabi-gcc', [...CORTEX_M4_FLAGS, ...STRICT_FLAGS, '-I', dir, '-c', join(dir, source), '-o', object]);
    const { stdout } = await run('arm-none-eabi-size', ['-B', object]);
    const row = stdout.trim().split('\n')[1]!.trim().split(/\s+/).map(Number);
    return { file: source, text: row[0]!, data: row[1]!, bss: row[2]! };
  };
  const bytes = (list: ObjectSize[]): number => list.reduce((s, o) => s + o.text + o.data, 0);
  const model = await sizeOf(`${name}_model.c`);
  const runtime: ObjectSize[] = [];
  for (const source of RUNTIME_SOURCES) runtime.push(await sizeOf(source));
  const result: CortexM4Footprint = { runtime, model, runtimeBytes: bytes(runtime), modelBytes: bytes([model]) };
  if (options.features) {
    const tables = await sizeOf(`${name}_features.c`);
    const code: ObjectSize[] = [];
    for (const source of DSP_SOURCES) code.push(await sizeOf(source));
    result.features = { code, tables, codeBytes: bytes(code), tableBytes: bytes([tables]) };
  }
  return result;
}

/**
 * Builds the front end's host harness (runtime/host/sk_mfcc_file.c) against an export with features,
 * under AddressSanitizer and UBSan: `<binary> samples.f32 features.f32`.
 */
export async function buildFeatureRunner(dir: string, name: string, scratchFloats: number): Promise<string> {
  const binary = join(dir, `${name}_features_run`);
  const sources = [`${name}_features.c`, ...DSP_SOURCES].map((f) => join(dir, f));
  await run('gcc', [...STRICT_FLAGS, '-O2', '-fsanitize=address,undefined', '-fno-sanitize-recover=all', `-DSK_FEATURES=${name}_features`, `-DSK_SCRATCH=${scratchFloats}`, '-I', dir, ...sources, FEATURES_HARNESS, '-lm', '-o', binary]);
  return binary;
}
