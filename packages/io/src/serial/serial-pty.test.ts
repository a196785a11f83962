import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SampleChunk } from '@sensorkit/dsp';
import type { SourceEvent } from '../live/live-source.js';
import { repoRoot, requireSocat, startPtyPair, stopProcess, type PtyPair } from '../../test/serial/pty-pair.js';
import { openSerialSource, type SerialSource } from './serial-source.js';

const writerScript = fileURLToPath(new URL('../../test/serial/line-writer.ts', import.meta.url));
const RATE = 200;
/** Samples a gap estimate may be off by: 10 at 200 Hz is 50 ms of timer and pty latency, both sides. */
const GAP_TOLERANCE = 10;

const children: ChildProcess[] = [];
const pairs: PtyPair[] = [];
let source: SerialSource | undefined;
let dir: string | undefined;

afterEach(async () => {
  await source?.close();
  source = undefined;
  await Promise.all(children.splice(0).map(stopProcess));
  await Promise.all(pairs.splice(0).map((p) => p.stop()));
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function startWriter(board: string, epochMs: number): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', writerScript, board, String(RATE), String(epochMs)], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

const until = (condition: () => boolean, timeout: number): Promise<void> =>
  vi.waitFor(() => expect(condition()).toBe(true), { timeout, interval: 20 });

/** [index, board counter] of every reading delivered. */
function readings(chunks: SampleChunk[]): [number, number][] {
  return chunks.flatMap((c) => Array.from({ length: c.samples.length / c.channels }, (_, i): [number, number] => [c.index + i, c.samples[i * c.channels]!]));
}

describe('serial source on a real pseudo-terminal pair (socat) through the serialport binding', () => {
  beforeAll(() => requireSocat());

  it('detects 200 Hz and 3 axes, counts garbage, and reconnects after the board goes away with the gap in index', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sensorkit-serial-pty-'));
    const board = join(dir, 'board');
    const host = join(dir, 'host');
    pairs.push(await startPtyPair(board, host));
    const s = openSerialSource({ path: host, reconnect: { initialDelayMs: 50, maxDelayMs: 200, factor: 2 } });
    source = s;
    const events: SourceEvent[] = [];
    const chunks: SampleChunk[] = [];
    let failure: unknown;
    s.events.subscribe((e) => events.push(e));
    s.chunks.subscribe({ next: (c) => chunks.push(c), error: (e: unknown) => (failure = e) });
    const count = (kind: SourceEvent['kind']): number => events.filter((e) => e.kind === kind).length;
    await until(() => count('connected') === 1 || failure !== undefined, 5000);
    expect(failure).toBeUndefined();

    // Phase 1: the board boots, prints its header and streams until the rate is known and 2.5 s came in.
    const epochMs = Date.now();
    const writer1 = startWriter(board, epochMs);
    await until(() => s.stats().sampleRate !== undefined && s.stats().readings >= 500, 10_000);

    // What closes the port on the host side: not the writer going away (socat keeps the pair open and
    // the port just goes quiet) ...
    await stopProcess(writer1);
    await sleep(300);
    expect(count('disconnected')).toBe(0);
    expect(s.stats().connected).toBe(true);
    // ... but socat going away: the pty master closes, the host's read fails, serialport reports a
    // disconnect, and socat removes the links, so the path no longer exists (like an unplugged board).
    await pairs[0]!.stop();
    await until(() => count('disconnected') === 1, 3000);
    await sleep(700);

    // Phase 2: a new pair on the same paths, the source reconnects, the board (still counting) restarts.
    pairs.push(await startPtyPair(board, host));
    await until(() => count('connected') === 2, 3000);
    startWriter(board, epochMs);
    const before = s.stats().readings;
    await until(() => count('gap') === 1 && s.stats().readings >= before + 200, 8000);
    await s.close();

    const stats = s.stats();
    const detected = events.find((e) => e.kind === 'detected');
    expect(detected?.kind === 'detected' && detected.axes).toEqual(['aX', 'aY', 'aZ']);
    const rate = detected?.kind === 'detected' ? detected.sampleRate : Number.NaN;
    expect(Math.abs(rate / RATE - 1)).toBeLessThan(0.01);
    expect(Math.abs(stats.measuredRate! / RATE - 1)).toBeLessThan(0.01);
    expect(chunks.every((c) => c.channels === 3 && c.sampleRate === rate)).toBe(true);

    // Garbage: per run, the boot message, `dbg: ...` and `nan,...` are not numeric; `1.5,2.5` has 2 values.
    // A line may also have been cut when socat stopped mid-line.
    expect(stats.badLinesByReason).toMatchObject({ 'not-numeric': 6, 'value-count': 2, 'empty-field': 0, 'too-many-values': 0, overlong: 0 });
    expect(stats.badLinesByReason.cut).toBeLessThanOrEqual(1);
    expect(stats).toMatchObject({ reconnects: 1, overflowDropped: 0 });

    // index vs the board's own counter: constant within each connection; across the gap it moved by the
    // samples the board produced while away, as estimated from the outage and the rate.
    const gap = events.find((e) => e.kind === 'gap');
    if (gap?.kind !== 'gap') throw new Error('no gap event');
    const all = readings(chunks);
    const beforeGap = all.filter(([index]) => index < gap.at);
    const afterGap = all.filter(([index]) => index >= gap.at);
    const offset0 = beforeGap[0]![0] - beforeGap[0]![1];
    const offset1 = afterGap[0]![0] - afterGap[0]![1];
    expect(beforeGap.every(([index, n]) => index - n === offset0)).toBe(true);
    expect(afterGap.every(([index, n]) => index - n === offset1)).toBe(true);
    expect(afterGap[0]![0]).toBe(beforeGap[beforeGap.length - 1]![0] + 1 + gap.samples);
    const lost = afterGap[0]![1] - beforeGap[beforeGap.length - 1]![1] - 1;
    expect(lost).toBeGreaterThan(RATE); // over a second away: 300 ms quiet + socat gone + writer restart
    expect(Math.abs(gap.samples - lost), `gap estimate ${gap.samples}, board counter says ${lost}`).toBeLessThanOrEqual(GAP_TOLERANCE);
    expect(stats.gapSamples).toBe(gap.samples);
    console.info(`pty: detected ${rate} Hz (measured ${stats.measuredRate!.toFixed(3)}), gap ${gap.samples} samples estimated, ${lost} lost by the board's counter`);
  }, 25_000);
});
