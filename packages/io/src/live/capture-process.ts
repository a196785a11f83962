import { spawn } from 'node:child_process';
import type { ResolvedCapture } from './capture-command.js';

/** How a capture process ended on its own (not by `stop()`). */
export interface CaptureExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** its last stderr lines (at most `stderrLines`), without blank ones */
  readonly stderr: readonly string[];
}

export interface CaptureHandlers {
  /** the process is running (pid known) */
  spawned(pid: number): void;
  /** bytes from its stdout, in arrival order */
  data(bytes: Buffer): void;
  /** it exited on its own and its stdout is drained */
  exited(exit: CaptureExit): void;
  /** it could not be started (not found, not executable) */
  failed(error: Error): void;
}

/** A running capture process. */
export interface CaptureProcess {
  readonly pid: number | undefined;
  /**
   * SIGTERM to its process group, SIGKILL after `killTimeoutMs`, resolves once it has exited and been
   * reaped (no zombie) and its pipes are closed. Handlers are not called after `stop()`.
   */
  stop(): Promise<void>;
}

export interface CaptureProcessOptions {
  /** ms between SIGTERM and SIGKILL, and again before giving up on an unkillable process */
  readonly killTimeoutMs: number;
  /** stderr lines kept for error messages */
  readonly stderrLines?: number;
}

const STDERR_KEEP = 8192;

/**
 * Spawns a capture program in its own process group (so a shell wrapper's children die with it) and
 * reports its stdout bytes, its exit and its last stderr lines; `stop()` ends it for sure.
 * @example
 * const proc = spawnCapture(resolved, { killTimeoutMs: 2000 }, handlers); ...; await proc.stop();
 */
export function spawnCapture(command: ResolvedCapture, options: CaptureProcessOptions, handlers: CaptureHandlers): CaptureProcess {
  const child = spawn(command.file, [...command.args], { stdio: ['ignore', 'pipe', 'pipe'], env: command.env, detached: true });
  let stderr = '';
  let stopping = false;
  let finished = false;
  let exitedPromise: Promise<void> | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });

  child.once('spawn', () => {
    if (!stopping && child.pid !== undefined) handlers.spawned(child.pid);
  });
  child.stdout.on('data', (bytes: Buffer) => {
    if (!stopping) handlers.data(bytes);
  });
  child.stderr.on('data', (bytes: Buffer) => {
    // Keep only the tail: a chatty tool must not grow memory, and the last lines say why it stopped.
    stderr = (stderr + bytes.toString('utf8')).slice(-STDERR_KEEP);
  });
  child.once('error', (err) => {
    if (finished || stopping) return;
    finished = true;
    handlers.failed(err);
  });
  child.once('close', (code, signal) => {
    if (finished || stopping) return;
    finished = true;
    const lines = stderr.split(/\r?\n/).filter((line) => line.trim() !== '');
    handlers.exited({ code, signal, stderr: lines.slice(-(options.stderrLines ?? 3)) });
  });

  const signalGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // No such group (it already left): signal the process itself.
      child.kill(signal);
    }
  };

  const stop = (): Promise<void> => {
    exitedPromise ??= (async () => {
      stopping = true;
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        signalGroup('SIGTERM');
        if (!(await within(exited, options.killTimeoutMs))) {
          signalGroup('SIGKILL');
          await within(exited, options.killTimeoutMs);
        }
      }
      // A grandchild may still hold the pipes open: close our ends so no descriptor is left behind.
      child.stdout.destroy();
      child.stderr.destroy();
    })();
    return exitedPromise;
  };

  return {
    get pid() {
      return child.pid;
    },
    stop,
  };
}

/** True when `promise` settles within `ms`, false on timeout; the timer never outlives the wait. */
async function within(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
