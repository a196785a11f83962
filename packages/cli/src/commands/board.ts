import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Command } from 'commander';
import { buildFirmware, FIRMWARE_TARGETS, launchFirmware, requireCIdentifier, requireFirmwareTarget, type BuiltFirmware, type FirmwareTarget } from '@sensorkit/board';
import { ParameterError } from '@sensorkit/dsp';
import { BoardLink, serialLinkPort } from '@sensorkit/link';
import { formatTable, loadInt8Model } from '@sensorkit/ml';
import type { CliIo } from '../cli-io.js';

const BLOCK = 'board';

function modelName(dir: string, name: string | undefined): string {
  return requireCIdentifier(BLOCK, name ?? basename(resolve(dir)).replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1'));
}

function numberOption(command: string, flag: string, value: string | undefined, check: (n: number) => boolean, expected: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !check(n)) throw new ParameterError(`${BLOCK} ${command}`, flag, value, expected);
  return n;
}

async function buildFor(dir: string, name: string | undefined, target: FirmwareTarget, out: string): Promise<BuiltFirmware> {
  const model = await loadInt8Model(dir);
  return buildFirmware(model, modelName(dir, name), target, out);
}

function buildCommand(io: CliIo): Command {
  return new Command('build')
    .description('build the firmware for a target around a quantized model (sensorkit quantize first): the int8 runtime, the link protocol, streaming and the MLPerf Tiny runner commands')
    .requiredOption('-m, --model <dir>', 'model folder with int8/model.json')
    .option('-t, --target <target>', `${FIRMWARE_TARGETS.join(' | ')}`, 'qemu-mps2-an386')
    .option('-o, --out <dir>', 'folder for the build (default: build/board/<name>-<target>)')
    .option('--name <identifier>', 'C name of the model (default: the model folder name)')
    .option('--json', 'print the result as one JSON object')
    .action(async (o: Record<string, unknown>) => {
      const target = requireFirmwareTarget(o.target as string);
      const dir = o.model as string;
      const out = (o.out as string | undefined) ?? join('build', 'board', `${modelName(dir, o.name as string | undefined)}-${target}`);
      const fw = await buildFor(dir, o.name as string | undefined, target, out);
      if (o.json) {
        io.stdout.write(`${JSON.stringify(fw)}\n`);
        return;
      }
      io.stdout.write(`built ${fw.file} (${target}) with model ${fw.modelId}\n`);
      const rows = [
        { what: 'model input (int8)', bytes: fw.inputSize },
        { what: 'model output (int8)', bytes: fw.outputSize },
        { what: 'arena', bytes: fw.arenaBytes },
        ...(fw.size ? [{ what: 'flash (text + data)', bytes: fw.size.flash }, { what: 'RAM (data + bss)', bytes: fw.size.ram }] : []),
      ];
      io.stdout.write(`${formatTable(rows)}\n`);
      io.stdout.write(`run it: sensorkit board run --target ${target} --firmware ${fw.file}\n`);
    });
}

function runCommand(io: CliIo): Command {
  return new Command('run')
    .description('boot a board (QEMU mps2-an386, or the host build on a pseudo-terminal), print its serial device, and keep it running until Ctrl-C')
    .option('-t, --target <target>', `${FIRMWARE_TARGETS.join(' | ')}`, 'qemu-mps2-an386')
    .option('-m, --model <dir>', 'build the firmware for this model folder first (int8/model.json)')
    .option('--firmware <file>', 'a firmware built by sensorkit board build (instead of --model)')
    .option('--name <identifier>', 'with --model: C name of the model')
    .option('--icount <shift>', 'QEMU: count instructions (-icount shift=N; 0: the counter ticks once per 40 instructions)')
    .option('--duration <s>', 'stop after this many seconds (default: until Ctrl-C)')
    .action(async (o: Record<string, unknown>) => {
      const target = requireFirmwareTarget(o.target as string);
      const icountShift = numberOption('run', '--icount', o.icount as string | undefined, (n) => Number.isInteger(n) && n >= 0 && n <= 10, 'an integer in 0..10');
      const duration = numberOption('run', '--duration', o.duration as string | undefined, (n) => n > 0 && Number.isFinite(n), 'a positive number of seconds');
      if (icountShift !== undefined && target === 'host') throw new ParameterError(`${BLOCK} run`, '--icount', o.icount, 'no value with --target host (only QEMU counts instructions)');
      if (Boolean(o.model) === Boolean(o.firmware)) throw new ParameterError(`${BLOCK} run`, '--model / --firmware', o.model ?? o.firmware, 'exactly one of them');
      const scratch = o.model ? await mkdtemp(join(tmpdir(), 'sensorkit-board-')) : undefined;
      try {
        const file = scratch ? (await buildFor(o.model as string, o.name as string | undefined, target, scratch)).file : (o.firmware as string);
        const board = await launchFirmware(target, file, icountShift === undefined ? {} : { icountShift });
        let stop: () => void = () => undefined;
        const stopped = new Promise<void>((done) => (stop = done));
        process.once('SIGINT', stop);
        const timer = duration === undefined ? undefined : setTimeout(stop, duration * 1000);
        try {
          io.stdout.write(`serial: ${board.path}\n`);
          const link = await BoardLink.open({ port: serialLinkPort(board.path), name: board.path, timeoutMs: 3000 });
          const { info } = link;
          await link.close();
          io.stderr.write(
            `sensorkit: ${info.target} board up with ${info.modelId} (input ${info.input.shape.join('x')} int8, output ${info.output.shape.join('x')} int8, arena ${info.arenaBytes} B); ` +
              `${duration === undefined ? 'Ctrl-C stops it' : `stops after ${duration} s`}\n`,
          );
          const exited = await Promise.race([stopped.then(() => undefined), board.exited]);
          if (exited !== undefined) throw new Error(`${BLOCK} run: the board exited (${exited})`);
        } finally {
          clearTimeout(timer);
          process.removeListener('SIGINT', stop);
          await board.stop();
        }
        io.stderr.write('sensorkit: board stopped\n');
      } finally {
        if (scratch) await rm(scratch, { recursive: true, force: true });
      }
    });
}

/** `sensorkit board build|run`: firmware for a quantized model, and a board (emulated or host) to run it on. */
export function boardCommand(io: CliIo): Command {
  return new Command('board')
    .description('firmware for the board relay: build it around a quantized model, boot it on QEMU or as a host process')
    .addCommand(buildCommand(io))
    .addCommand(runCommand(io));
}
