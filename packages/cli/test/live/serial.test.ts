import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDataset } from '@sensorkit/io';
import { cli } from '../run-cli.js';
import { startPtyBoard, type PtyBoard } from './pty-board.js';

let board: PtyBoard;
let dir: string;
let feeder: NodeJS.Timeout | undefined;
beforeEach(async () => {
  board = await startPtyBoard();
  dir = await mkdtemp(join(tmpdir(), 'sensorkit-serial-'));
});
afterEach(async () => {
  clearInterval(feeder);
  await board.stop();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Streams reading i = (i, 2i, -i), two lines every 20 ms (about 100 Hz), after boot noise. The header
 * line "aX,aY,aZ" is repeated every 20 readings: lines written before the CLI opens the port are lost.
 */
function feed(): void {
  let i = 0;
  void board.write('booting v1.2...\n');
  feeder = setInterval(() => {
    const lines = [i, i + 1].map((k) => `${k % 20 === 0 ? 'aX,aY,aZ\n' : ''}${k},${2 * k},${-k}`).join('\n');
    i += 2;
    void board.write(`${lines}\n`).catch(() => undefined);
  }, 20);
}

describe('live commands on a real pseudo-terminal', () => {
  it('record --port captures CSV samples with the axes named by the header line', async () => {
    feed();
    const out = join(dir, 'imu');
    const run = await cli('record', '--port', board.hostPath, '--rate', '100', '--label', 'still', '--out', out, '--length', '0.3', '--count', '2', '--units', 'g', '--yes', '--idle-timeout', '5');
    expect(run.stderr).toContain('still 2/2: saved still/still.2.csv');
    expect(run.code).toBe(0);
    const data = await loadDataset(out);
    expect(data.entries.map((e) => [e.file, e.axes, e.units, e.sampleRate, e.frames, e.source])).toEqual([
      ['still/still.1.csv', ['aX', 'aY', 'aZ'], ['g', 'g', 'g'], 100, 30, `serial:${board.hostPath}`],
      ['still/still.2.csv', ['aX', 'aY', 'aZ'], ['g', 'g', 'g'], 100, 30, `serial:${board.hostPath}`],
    ]);
    // Every reading arrived, in order: each sample is 30 consecutive board readings (i, 2i, -i).
    for (const entry of data.entries) {
      const x = await data.readSample(entry);
      const first = x[0]!;
      for (let f = 0; f < 30; f++) expect([x[3 * f], x[3 * f + 1], x[3 * f + 2]]).toEqual([first + f, 2 * (first + f), -(first + f) || 0]);
    }
  });

  it('monitor --port shows the detected axes and the boot line counted as bad', async () => {
    feed();
    const run = await cli('monitor', '--port', board.hostPath, '--rate', '100', '--duration', '0.5');
    expect(run.code).toBe(0);
    const summary = run.stdout.slice(run.stdout.indexOf('\n--\n') + 4).split('\n');
    expect(summary[0]).toBe(`sensorkit monitor  serial:${board.hostPath}  [connected]`);
    expect(summary[1]).toMatch(/^100 Hz {2}3 axes {2}t 0\.50 s {2}50 readings$/);
    expect(summary.slice(3, 6).map((l) => l.split(/\s+/)[0])).toEqual(['aX', 'aY', 'aZ']);
    expect(run.stdout).toMatch(/bad lines [01] /);
  });
});
