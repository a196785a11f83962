/**
 * The board relay's numbers, per shipped model: flash and RAM of the firmware (arm-none-eabi-size),
 * instructions per inference on the emulated Cortex-M4F (QEMU mps2-an386, -icount shift=0), and the round
 * trip of one inference over the link (QEMU's pseudo-terminal, and the host build's).
 *   npx tsx packages/link/bench/relay.bench.ts [--quick]
 */
import { readdirSync, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initBackend } from '@sensorkit/ml';
import { buildFirmware, launchFirmware, type FirmwareTarget } from '../../board/src/index.js';
import { BoardLink, serialLinkPort } from '../src/index.js';
import { MODELS_DIR, shippedInt8 } from '../../../test/board-shipped-model.js';

export interface RelayBenchRow {
  model: string;
  /** whether the model folder's own int8 model was used (else quantized on seeded inputs) */
  ownInt8: boolean;
  flash: number;
  ram: number;
  arena: number;
  instructions: number;
  qemuRoundTripMs: number;
  hostRoundTripMs: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function roundTrips(target: FirmwareTarget, file: string, inputs: Int8Array[]): Promise<{ ms: number; ticks: number; counterHz: number }> {
  const board = await launchFirmware(target, file, target === 'host' ? {} : { icountShift: 0 });
  const link = await BoardLink.open({ port: serialLinkPort(board.path), name: board.path, timeoutMs: 10_000 });
  try {
    const ms: number[] = [];
    const ticks: number[] = [];
    for (const x of inputs) {
      const started = performance.now();
      ticks.push((await link.infer(x)).ticks);
      ms.push(performance.now() - started);
    }
    return { ms: median(ms), ticks: median(ticks), counterHz: link.info.counterHz };
  } finally {
    await link.close();
    await board.stop();
  }
}

export async function runRelayBench(count = 30): Promise<RelayBenchRow[]> {
  await initBackend();
  const root = await mkdtemp(join(tmpdir(), 'sensorkit-relay-bench-'));
  const rows: RelayBenchRow[] = [];
  try {
    for (const name of readdirSync(MODELS_DIR).filter((d) => existsSync(join(MODELS_DIR, d, 'model.json')) || existsSync(join(MODELS_DIR, d, 'int8', 'model.json')))) {
      const { model, vectors, own } = await shippedInt8(name, count);
      const cName = name.replace(/[^A-Za-z0-9_]/g, '_');
      const inputs = Array.from({ length: vectors.count }, (_, i) => vectors.inputs.slice(i * vectors.inputSize, (i + 1) * vectors.inputSize));
      const qemu = await buildFirmware(model, cName, 'qemu-mps2-an386', join(root, name, 'qemu'));
      const host = await buildFirmware(model, cName, 'host', join(root, name, 'host'));
      const onQemu = await roundTrips('qemu-mps2-an386', qemu.file, inputs);
      const onHost = await roundTrips('host', host.file, inputs);
      rows.push({
        model: name,
        ownInt8: own,
        flash: qemu.size!.flash,
        ram: qemu.size!.ram,
        arena: qemu.arenaBytes,
        // -icount shift=0: one instruction per ns of virtual time
        instructions: Math.round((onQemu.ticks * 1e9) / onQemu.counterHz),
        qemuRoundTripMs: onQemu.ms,
        hostRoundTripMs: onHost.ms,
      });
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await runRelayBench(process.argv.includes('--quick') ? 10 : 30);
  console.log('| model | int8 | flash (B) | RAM (B) | arena (B) | instructions / inference (QEMU icount) | round trip QEMU (ms) | round trip host build (ms) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(`| ${r.model} | ${r.ownInt8 ? 'its own' : 'quantized on seeded inputs'} | ${r.flash} | ${r.ram} | ${r.arena} | ${r.instructions} | ${r.qemuRoundTripMs.toFixed(2)} | ${r.hostRoundTripMs.toFixed(2)} |`);
  }
}
