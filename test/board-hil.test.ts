import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleChunk } from '@sensorkit/dsp';
import { openSerialSource } from '@sensorkit/io';
import { initBackend, type Int8Model, type Int8Report, type TestVectors } from '@sensorkit/ml';
import { buildFirmware, launchFirmware, type BuiltFirmware, type LaunchedBoard } from '../packages/board/src/index.js';
import { BoardLink, serialLinkPort, streamSignal } from '../packages/link/src/index.js';
import { shippedInt8 } from './board-shipped-model.js';

/*
 * Hardware in the loop: the shipped gesture model, quantized, compiled into the firmware for the emulated
 * Cortex-M4F (QEMU mps2-an386, instruction-counted), its test inputs sent over the serial link, and every
 * output compared byte for byte with the TypeScript int8 interpreter. Where the model folder has its own
 * int8 model and test vectors (sensorkit quantize --save-test-vectors), those are used; otherwise the test
 * quantizes the network on seeded inputs of its normalised input range.
 */

const ICOUNT_SHIFT = 0;
let root: string;
let model: Int8Model;
let vectors: TestVectors;
let report: Int8Report | undefined;
let firmware: BuiltFirmware;
let board: LaunchedBoard | undefined;
let link: BoardLink | undefined;

beforeAll(async () => {
  await initBackend();
  root = await mkdtemp(join(tmpdir(), 'sensorkit-board-hil-'));
  ({ model, vectors, report } = await shippedInt8('gesture'));
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
    // the same model every time: the count varies only a little with the data. Guards the SysTick wrap race
    // (a read between the wrap and its interrupt was off by 1 ms = 1M instructions, or ran backwards).
    expect(Math.max(...instructions) / Math.min(...instructions)).toBeLessThan(1.2);
    // outputs equal to the vectors' byte for byte: the board scores what the int8 report measured on them
    const accuracy = report ? `; int8 ${report.metric} ${report.int8} on ${report.samples} test samples holds on the board` : '';
    console.info(
      `board HIL: ${vectors.count} vectors bit-exact${accuracy}; flash ${firmware.size!.flash} B, RAM ${firmware.size!.ram} B (arena ${firmware.arenaBytes} B); ` +
        `${Math.round(median(instructions))} instructions per inference (QEMU icount, ±40); round trip ${median(latencies).toFixed(2)} ms median over the pty`,
    );
  }, 60_000);

  it('streams the built-in signal at the asked rate, read by the serial source of @sensorkit/io', async () => {
    await link!.startStream(100, 3);
    await link!.close();
    const source = openSerialSource({ path: board!.path, reconnect: false });
    const chunks: SampleChunk[] = [];
    await new Promise<void>((resolve, reject) => {
      const subscription = source.chunks.subscribe({
        next: (c) => {
          chunks.push(c);
          if (chunks.length === 3) {
            subscription.unsubscribe();
            resolve();
          }
        },
        error: reject,
      });
    });
    await source.close();
    expect(chunks[0]!.channels).toBe(3);
    expect(chunks[0]!.sampleRate).toBeGreaterThan(70);
    expect(chunks[0]!.sampleRate).toBeLessThan(130);
    const got = chunks.flatMap((c) => Array.from({ length: c.samples.length / 3 }, (_, i) => [...c.samples.subarray(i * 3, i * 3 + 3)]));
    const signal = streamSignal(2000, 3);
    const offset = signal.findIndex((_, n) => got.every((row, i) => signal[n + i]?.every((v, k) => v === row[k])));
    expect(offset).toBeGreaterThanOrEqual(0);
    link = await BoardLink.open({ port: serialLinkPort(board!.path), name: board!.path, timeoutMs: 5000 });
    expect(await link.stopStream()).toBeGreaterThanOrEqual(got.length);
  }, 30_000);
});

