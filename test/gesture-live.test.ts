import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGestureStream } from '../apps/gesture/src/index.js';
import { requireSocat, startPtyPair, type PtyPair } from '../packages/io/test/serial/pty-pair.js';
import { cli } from '../packages/cli/test/run-cli.js';

const SHIPPED = join(import.meta.dirname, '..', 'models', 'gesture');
const RATE = 100;
// Lines go out 4x faster than real time: the test takes seconds, and `--rate` tells the host the board's rate.
const SPEEDUP = 4;

let dir: string;
let pair: PtyPair | undefined;

beforeAll(async () => {
  requireSocat();
  dir = await mkdtemp(join(tmpdir(), 'gesture-live-'));
});
afterAll(async () => {
  await pair?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A pretend Arduino on the board side of the pty: a header, then aX..gZ lines as Serial.println writes them. */
function startBoard(path: string, samples: Float32Array): { stop: () => void } {
  const fd = openSync(path, 'w');
  writeSync(fd, 'aX,aY,aZ,gX,gY,gZ\r\n');
  const frames = samples.length / 6;
  let next = 0;
  const started = Date.now();
  const timer = setInterval(() => {
    const due = Math.min(frames, Math.floor(((Date.now() - started) * RATE * SPEEDUP) / 1000));
    let text = '';
    for (; next < due; next++) text += `${Array.from(samples.subarray(next * 6, next * 6 + 6), (v) => v.toFixed(3)).join(',')}\r\n`;
    if (text) writeSync(fd, text);
    if (next === frames) clearInterval(timer);
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      closeSync(fd);
    },
  };
}

describe('gesture listen over a serial pseudo-terminal (socat)', () => {
  it('classifies gestures replayed as serial lines, in order, as they arrive', async () => {
    pair = await startPtyPair(join(dir, 'board'), join(dir, 'host'));
    const stream = generateGestureStream({ gestures: ['punch', 'circle', 'shake', 'flex'], seed: 77, gap: [1.2, 1.6] });
    const listening = cli('gesture', 'listen', '--model', SHIPPED, '--port', pair.host, '--rate', String(RATE), '--count', '4', '--json');
    // Give the host a moment to open the port before the board starts talking.
    await new Promise((r) => setTimeout(r, 300));
    const board = startBoard(pair.board, stream.samples);
    try {
      const run = await listening;
      expect(run.code).toBe(0);
      const events = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { label: string; time: number });
      expect(events.map((e) => e.label)).toEqual(['punch', 'circle', 'shake', 'flex']);
      // Times count the readings the host took (it starts at the first reading it keeps, not the board's
      // first): the spacing of the gestures is the stream's.
      for (let i = 1; i < events.length; i++) {
        const between = stream.truth[i]!.start - stream.truth[i - 1]!.start;
        expect(Math.abs(events[i]!.time - events[i - 1]!.time - between)).toBeLessThan(0.4);
      }
      expect(run.stderr).toMatch(/4 gesture\(s\) from serial:/);
    } finally {
      board.stop();
    }
  }, 30_000);
});
