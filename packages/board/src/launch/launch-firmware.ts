import { spawn, type ChildProcess } from 'node:child_process';
import type { FirmwareTarget } from '../firmware/firmware-files.js';

/** A running board: its serial device, and how to stop it. */
export interface LaunchedBoard {
  target: FirmwareTarget;
  /** the pseudo-terminal the board's UART is on (open it with serialport / @sensorkit/link) */
  path: string;
  process: ChildProcess;
  /** QEMU's -icount shift, when one was set: one instruction = 2^shift ns of virtual time */
  icountShift?: number;
  /** resolves with the exit code (or signal name) when the board process ends */
  exited: Promise<number | string>;
  /** Stops the board (SIGTERM, then SIGKILL after 2 s); resolves when it has exited. */
  stop(): Promise<void>;
}

export interface LaunchOptions {
  /** QEMU only: `-icount shift=N`, so the CPU counter counts instructions (N = 0: 1 instruction per ns) */
  icountShift?: number;
  /** ms to wait for the serial path to appear (default 10000) */
  timeoutMs?: number;
}

/** The command line that boots a firmware file on a target. */
export function launchCommand(target: FirmwareTarget, file: string, options: LaunchOptions = {}): { command: string; args: string[] } {
  if (target === 'host') return { command: file, args: [] };
  const icount = options.icountShift === undefined ? [] : ['-icount', `shift=${options.icountShift}`];
  return { command: 'qemu-system-arm', args: ['-M', 'mps2-an386', '-nodefaults', '-display', 'none', '-monitor', 'none', '-serial', 'pty', ...icount, '-kernel', file] };
}

/** Where the board's UART went: `serial: <path>` (host firmware) or QEMU's `char device redirected to <path>`. */
export function parseSerialPath(text: string): string | undefined {
  return /(?:^serial: |char device redirected to )(\/dev\/\S+)/m.exec(text)?.[1];
}

/**
 * Boots a firmware (the host executable, or an ELF under qemu-system-arm -M mps2-an386 -serial pty) and
 * resolves once its serial pseudo-terminal exists; rejects with the board's own output when it exits or
 * prints no path in time.
 * @example
 * const board = await launchFirmware('qemu-mps2-an386', 'build/fw/firmware.elf', { icountShift: 0 });
 * const link = await BoardLink.open({ port: serialLinkPort(board.path), name: board.path });
 * await board.stop();
 */
export async function launchFirmware(target: FirmwareTarget, file: string, options: LaunchOptions = {}): Promise<LaunchedBoard> {
  const { command, args } = launchCommand(target, file, options);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const path = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command}: no serial device after ${options.timeoutMs ?? 10000} ms; it printed: ${output.trim() || '(nothing)'}`));
    }, options.timeoutMs ?? 10000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = parseSerialPath(output);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${command}: cannot start: ${error.message}`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}) before its serial device appeared; it printed: ${output.trim() || '(nothing)'}`));
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  };
  return { target, path, process: child, exited, stop, ...(options.icountShift === undefined ? {} : { icountShift: options.icountShift }) };
}
