import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const START_TIMEOUT_MS = 5000;
const STOP_TIMEOUT_MS = 2000;

/** Repository root, where `node --import tsx` finds tsx. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Throws a clear error when socat is missing (scripts/setup.sh installs it; CI runs setup first). */
export function requireSocat(): void {
  const probe = spawnSync('socat', ['-V'], { stdio: 'ignore', timeout: 5000 });
  if (probe.error) {
    throw new Error(`socat is not installed (${probe.error.message}): the serial pseudo-terminal test needs it; run scripts/setup.sh or apt-get install socat`);
  }
}

/** Sends SIGTERM, waits up to 2 s for the exit, then SIGKILL. Safe to call twice. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(STOP_TIMEOUT_MS)]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(STOP_TIMEOUT_MS)]);
  }
}

/** A pseudo-terminal pair: a board writes to `board`, the host opens `host`. */
export interface PtyPair {
  readonly board: string;
  readonly host: string;
  readonly socat: ChildProcess;
  /** Stops socat: its ptys close, and the host side of an open port sees a read error. */
  stop(): Promise<void>;
}

/**
 * Starts `socat pty,raw,echo=0,link=<board> pty,raw,echo=0,link=<host>` and waits (up to 5 s) for both
 * links. socat removes the links when stopped with SIGTERM, so the host path vanishes like an unplugged
 * board's, and a new pair can take the same paths.
 */
export async function startPtyPair(board: string, host: string): Promise<PtyPair> {
  const socat = spawn('socat', [`pty,raw,echo=0,link=${board}`, `pty,raw,echo=0,link=${host}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  socat.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const spawnError = new Promise<Error>((resolve) => socat.once('error', resolve));
  const pair: PtyPair = { board, host, socat, stop: () => stopProcess(socat) };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const ready = await Promise.all([access(board), access(host)]).then(() => true, () => false);
    if (ready) return pair;
    const failed = await Promise.race([spawnError, sleep(20).then(() => undefined)]);
    if (failed || socat.exitCode !== null || Date.now() > deadline) {
      await pair.stop();
      throw new Error(`socat did not make a pty pair within ${START_TIMEOUT_MS} ms: ${failed?.message ?? (stderr.trim() || `exit code ${socat.exitCode}`)}`);
    }
  }
}
