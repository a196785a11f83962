import { spawn, type ChildProcess } from 'node:child_process';
import { access, mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A pretend board on a real pseudo-terminal pair made by socat: the CLI opens `hostPath` with the real
 * serialport binding, the test writes lines to the other end. `stop()` must run in afterEach.
 */
export interface PtyBoard {
  readonly hostPath: string;
  write(text: string): Promise<void>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 5000;

/** Starts socat with two linked ptys in a temporary folder; fails after 5 s if they never appear. */
export async function startPtyBoard(): Promise<PtyBoard> {
  const dir = await mkdtemp(join(tmpdir(), 'sensorkit-pty-'));
  const boardPath = join(dir, 'board');
  const hostPath = join(dir, 'host');
  const socat: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${boardPath}`, `pty,raw,echo=0,link=${hostPath}`], { stdio: 'ignore' });
  let board: FileHandle | undefined;
  const stop = async (): Promise<void> => {
    await board?.close().catch(() => undefined);
    if (socat.exitCode === null && socat.signalCode === null) {
      const exited = new Promise((resolve) => socat.once('exit', resolve));
      socat.kill('SIGTERM');
      await Promise.race([exited, sleep(2000)]);
      if (socat.exitCode === null && socat.signalCode === null) socat.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      const ready = await Promise.all([access(boardPath), access(hostPath)]).then(() => true, () => false);
      if (ready) break;
      if (socat.exitCode !== null || Date.now() > deadline) throw new Error(`socat did not create its ptys within ${START_TIMEOUT_MS} ms (is socat installed?)`);
      await sleep(20);
    }
    board = await open(boardPath, 'r+');
  } catch (err) {
    await stop();
    throw err;
  }
  const handle = board;
  return {
    hostPath,
    write: async (text) => {
      await handle.write(text);
    },
    stop,
  };
}
