import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '@sensorkit/dsp';
import { initBackend, loadInt8Model, loadModelFolder, loadTestVectors, makeTestVectors, quantizeModel, type Int8Model, type TestVectors } from '@sensorkit/ml';
import { buildFirmware, launchFirmware, type BuiltFirmware, type LaunchedBoard } from '../packages/board/src/index.js';
import { BoardLink, serialLinkPort } from '../packages/link/src/index.js';

/*
 * Hardware in the loop: the shipped gesture model, quantized, compiled into the firmware for the emulated
 * Cortex-M4F (QEMU mps2-an386, instruction-counted), its test inputs sent over the serial link, and every
 * output compared byte for byte with the TypeScript int8 interpreter. Where the model folder has its own
 * int8 model and test vectors (sensorkit quantize --save-test-vectors), those are used; otherwise the test
 * quantizes the network on seeded inputs of its normalised input range.
 */

const SHIPPED = join(import.meta.dirname, '..', 'models', 'gesture');
const ICOUNT_SHIFT = 0;
let root: string;
let model: Int8Model;
let vectors: TestVectors;
let firmware: BuiltFirmware;
let board: LaunchedBoard | undefined;
let link: BoardLink | undefined;

function gaussian(count: number, size: number, seed: number): Float32Array[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => Float32Array.from({ length: size }, () => random.gaussian()));
}

beforeAll(async () => {
  await initBackend();
  root = await mkdtemp(join(tmpdir(), 'sensorkit-board-hil-'));
  if (existsSync(join(SHIPPED, 'int8', 'model.json')) && existsSync(join(SHIPPED, 'int8', 'test-inputs.bin'))) {
    model = await loadInt8Model(SHIPPED);
    vectors = await loadTestVectors(SHIPPED, model);
  } else {
    const { model: network } = await loadModelFolder(SHIPPED);
    const size = network!.inputs[0]!.shape.slice(1).reduce((a: number, b) => a * (b ?? 1), 1);
    model = quantizeModel(network!, gaussian(200, size, 1));
    vectors = makeTestVectors(model, gaussian(60, size, 2));
  }
  firmware = await buildFirmware(model, 'gesture', 'qemu-mps2-an386', join(root, 'fw'));
}, 120_000);

afterAll(async () => {
  await link?.close();
  await board?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('hardware in the loop: the gesture model on the emulated Cortex-M4F (QEMU mps2-an386)', () => {
  it('fits the board: flash and RAM from arm-none-eabi-size', () => {
    expect(firmware.size).toBeDefined();
    // the AN386 has 4 MiB for code and 4 MiB for data; the model must fit a real M4 (e.g. 1 MiB flash, 256 KiB RAM)
    expect(firmware.size!.flash).toBeLessThan(1024 * 1024);
    expect(firmware.size!.ram).toBeLessThan(256 * 1024);
  });

  it('boots, handshakes, and computes every test vector bit for bit as the int8 interpreter does', async () => {
    board = await launchFirmware('qemu-mps2-an386', firmware.file, { icountShift: ICOUNT_SHIFT });
    link = await BoardLink.open({ port: serialLinkPort(board.path), name: board.path, timeoutMs: 5000 });
    expect(link.info).toMatchObject({ modelId: firmware.modelId, target: 'qemu-mps2-an386', arenaBytes: firmware.arenaBytes, counterHz: 25_000_000 });
    let mismatches = 0;
    const ticks: number[] = [];
    const latencies: number[] = [];
    for (let i = 0; i < vectors.count; i++) {
      const input = vectors.inputs.subarray(i * vectors.inputSize, (i + 1) * vectors.inputSize);
      const started = performance.now();
      const reply = await link.infer(input);
      latencies.push(performance.now() - started);
      ticks.push(reply.ticks);
      const expected = vectors.outputs.subarray(i * vectors.outputSize, (i + 1) * vectors.outputSize);
      if (!expected.every((v, j) => v === reply.output[j])) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(link.stats()).toMatchObject({ retries: 0, timeouts: 0, resets: 0 });
    // under -icount shift=0 one instruction is 1 ns of virtual time: ticks of the 25 MHz counter x 40
    const instructions = ticks.map((t) => (t * 1e9) / link!.info.counterHz / 2 ** ICOUNT_SHIFT);
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    // the same model and input size every time: the count varies only with the data (ReLU, softmax)
    expect(Math.max(...instructions) / Math.min(...instructions)).toBeLessThan(1.2);
    console.info(
      `board HIL: ${vectors.count} vectors bit-exact; flash ${firmware.size!.flash} B, RAM ${firmware.size!.ram} B (arena ${firmware.arenaBytes} B); ` +
        `${Math.round(median(instructions))} instructions per inference (QEMU icount, ±40); round trip ${median(latencies).toFixed(2)} ms median over the pty`,
    );
  }, 60_000);
});
