import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '@sensorkit/dsp';
import { initBackend, quantizeInput, quantizeModel, runInt8, type Int8Model } from '@sensorkit/ml';
import { tinyAutoencoder, tinyConv1d, tinyDsCnn } from '@sensorkit/ml/testing';
import { buildHostRunner, cortexM4Footprint, STRICT_FLAGS } from '../src/compile.js';
import { HOST_HARNESS, RUNTIME_SOURCES } from '../src/runtime-files.js';
import { writeModelExport } from '../src/write-export.js';

const run = promisify(execFile);
let root: string;
beforeAll(async () => {
  await initBackend();
  root = await mkdtemp(join(tmpdir(), 'sensorkit-board-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function hasTool(tool: string): Promise<boolean> {
  try {
    await run(tool, ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** Test inputs quantized as the host would, plus the int8 extremes the host never sends. */
function int8Inputs(model: Int8Model, real: Float32Array[]): Int8Array[] {
  const random = createRandom(99);
  const size = real[0]!.length;
  return [
    ...real.map((x) => quantizeInput(model, x)),
    new Int8Array(size).fill(-128),
    new Int8Array(size).fill(127),
    ...Array.from({ length: 20 }, () => Int8Array.from({ length: size }, () => Math.floor(random.uniform() * 256) - 128)),
  ];
}

describe.each([tinyAutoencoder(), tinyDsCnn(), tinyConv1d()])('the C runtime on the tiny $name model', (t) => {
  it('computes bit for bit what the TypeScript int8 interpreter computes, on every input, under ASan and UBSan', async () => {
    const model = quantizeModel(t.model, t.inputs(100, 1));
    const dir = join(root, t.name);
    const exported = await writeModelExport(dir, model, t.name);
    const binary = await buildHostRunner(dir, t.name, exported.footprint.arenaBytes);
    const inputs = int8Inputs(model, t.inputs(200, 2));
    await writeFile(join(dir, 'inputs.bin'), Buffer.concat(inputs.map((x) => Buffer.from(x.buffer))));
    await run(binary, [join(dir, 'inputs.bin'), join(dir, 'outputs.bin')]);
    const outputs = new Int8Array((await readFile(join(dir, 'outputs.bin'))).buffer.slice(0));
    expect(outputs.length).toBe(inputs.length * exported.outputSize);
    let mismatches = 0;
    inputs.forEach((x, i) => {
      const expected = runInt8(model, x);
      const got = outputs.subarray(i * exported.outputSize, (i + 1) * exported.outputSize);
      if (!expected.every((v, j) => v === got[j])) mismatches++;
    });
    expect(mismatches).toBe(0);
  });
});

describe('the C runtime', () => {
  it('returns a status naming what is wrong: null, small arena, bad model', async () => {
    const t = tinyConv1d();
    const model = quantizeModel(t.model, t.inputs(20, 1));
    const dir = join(root, 'status');
    const exported = await writeModelExport(dir, model, 'status');
    const binary = join(dir, 'status_codes');
    const sources = ['status_model.c', ...RUNTIME_SOURCES].map((f) => join(dir, f));
    await run('gcc', [...STRICT_FLAGS, '-fsanitize=address,undefined', '-fno-sanitize-recover=all', '-DSK_MODEL=status_model', `-DSK_ARENA_SIZE=${exported.footprint.arenaBytes}`, '-I', dir, ...sources, join(import.meta.dirname, 'status-codes.c'), '-o', binary]);
    await expect(run(binary)).resolves.toBeDefined();
  });

  it('host harness refuses a truncated input file', async () => {
    const t = tinyAutoencoder();
    const model = quantizeModel(t.model, t.inputs(20, 1));
    const dir = join(root, 'truncated');
    const exported = await writeModelExport(dir, model, 'truncated');
    const binary = await buildHostRunner(dir, 'truncated', exported.footprint.arenaBytes, { sanitize: false });
    await writeFile(join(dir, 'in.bin'), Buffer.alloc(exported.inputSize + 3));
    await expect(run(binary, [join(dir, 'in.bin'), join(dir, 'out.bin')])).rejects.toThrow(/input 1: 3 bytes; expected 12/);
    expect(HOST_HARNESS).toMatch(/sk_run_file\.c$/);
  });

  it('compiles for Cortex-M4 without a warning and reports code and constant bytes', async () => {
    if (!(await hasTool('arm-none-eabi-gcc'))) throw new Error('arm-none-eabi-gcc missing: bash scripts/setup.sh installs gcc-arm-none-eabi');
    const t = tinyDsCnn();
    const model = quantizeModel(t.model, t.inputs(20, 1));
    const dir = join(root, 'm4');
    const exported = await writeModelExport(dir, model, 'ds_cnn', { features: 'mlperf-kws' });
    const size = await cortexM4Footprint(dir, 'ds_cnn', { features: true });
    // The model object is its constants: at least the weights, biases, multipliers and shifts.
    expect(size.modelBytes).toBeGreaterThanOrEqual(exported.footprint.weightBytes + exported.footprint.quantizationBytes);
    expect(size.runtimeBytes).toBeGreaterThan(500);
    expect(size.runtime.map((o) => o.file)).toEqual([...RUNTIME_SOURCES]);
    // The front end: its tables are the plan's floats (window, twiddles, mel, DCT), its code small.
    expect(size.features!.tableBytes).toBeGreaterThanOrEqual(exported.features!.tableBytes);
    expect(size.features!.codeBytes).toBeGreaterThan(200);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toMatch(/sk_mfcc_window\(&ds_cnn_features/);
  });
});
