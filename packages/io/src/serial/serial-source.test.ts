import { afterEach, describe, expect, it, vi } from 'vitest';
import { lastValueFrom, toArray } from 'rxjs';
import type { SampleChunk } from '@sensorkit/dsp';
import type { SourceEvent } from '../live/live-source.js';
import { counterLines, FakeBoard } from '../../test/serial/fake-board.js';
import { openSerialSource, type SerialSource } from './serial-source.js';
import type { SerialSourceOptions } from './serial-options.js';

const open: SerialSource[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

function start(board: FakeBoard, options: Partial<SerialSourceOptions> = {}) {
  const source = openSerialSource({
    path: '/dev/fake',
    port: board.factory,
    clock: board.clock,
    reconnect: { initialDelayMs: 2, maxDelayMs: 10, factor: 2 },
    ...options,
  });
  open.push(source);
  const events: SourceEvent[] = [];
  const chunks: SampleChunk[] = [];
  source.events.subscribe((e) => events.push(e));
  let done: 'complete' | Error | undefined;
  source.chunks.subscribe({ next: (c) => chunks.push(c), complete: () => (done = 'complete'), error: (e: Error) => (done = e) });
  return { source, events, chunks, done: () => done };
}

/** Every reading delivered: [index, first value]. */
function readings(chunks: SampleChunk[]): [number, number][] {
  return chunks.flatMap((c) => Array.from({ length: c.samples.length / c.channels }, (_, i): [number, number] => [c.index + i, c.samples[i * c.channels]!]));
}

/** Sends counter lines n = first..first+count-1, one every 10 ms of fake time (100 Hz). */
function sendAt100Hz(board: FakeBoard, first: number, count: number, startMs: number): void {
  for (let i = 0; i < count; i++) {
    board.nowMs = startMs + i * 10;
    board.send(counterLines(first + i, 1, '\r\n'));
  }
}

const wait = { timeout: 5000, interval: 2 };

describe('openSerialSource (fake port)', () => {
  it('detects rate and axes, numbers readings from 0 and groups them into chunks', async () => {
    const board = new FakeBoard();
    const { source, events, chunks } = start(board);
    await vi.waitFor(() => expect(source.stats().connected).toBe(true), wait);
    board.send('Booting...\r\naX,aY,aZ\r\n');
    sendAt100Hz(board, 0, 300, 0);
    board.nowMs = 4000;
    await vi.waitFor(() => expect(source.stats().readings).toBe(300), wait);
    expect(events.filter((e) => e.kind === 'detected')).toMatchObject([{ sampleRate: 100, axes: ['aX', 'aY', 'aZ'] }]);
    expect(readings(chunks)).toEqual(Array.from({ length: 300 }, (_, n) => [n, n]));
    expect(chunks.every((c) => c.sampleRate === 100 && c.channels === 3 && c.samples instanceof Float32Array)).toBe(true);
    expect(Array.from(chunks[0]!.samples.subarray(0, 6))).toEqual([0, 0.5, 0, 1, 1.5, -1]);
    expect(source.stats()).toMatchObject({ lines: 302, badLines: 1, badLinesByReason: { 'not-numeric': 1 }, connected: true });
  });

  it('reconnects after an unplug and advances index by the readings lost (outage x rate)', async () => {
    const board = new FakeBoard();
    const { source, events, chunks } = start(board, { sampleRate: 100, axes: ['a', 'b', 'c'] });
    await vi.waitFor(() => expect(source.stats().connected).toBe(true), wait);
    board.send('aX,aY,aZ\n');
    sendAt100Hz(board, 0, 300, 0); // last reading: n = 299 at 2.99 s
    board.send('300,30'); // half a line when the cable is pulled
    board.nowMs = 3000;
    board.unplug();
    await vi.waitFor(() => expect(events.filter((e) => e.kind === 'info' && /attempt 2 .*ENOENT/.test(e.message))).not.toHaveLength(0), wait);
    await vi.waitFor(() => expect(events.filter((e) => e.kind === 'info' && /attempt 4 /.test(e.message))).not.toHaveLength(0), wait);
    // Backoff: 2 ms, then 4, 8, 10 (the cap), 10 ...
    const delays = events.flatMap((e) => (e.kind === 'info' ? [...e.message.matchAll(/next in (\d+) ms/g)].map((m) => Number(m[1])) : []));
    expect(delays.slice(0, 4)).toEqual([4, 8, 10, 10]);
    board.nowMs = 4500;
    board.present = true;
    await vi.waitFor(() => expect(source.stats().connected).toBe(true), wait);
    sendAt100Hz(board, 450, 100, 4500); // the first line after reconnecting is dropped as possibly cut
    board.nowMs = 6000;
    await vi.waitFor(() => expect(source.stats().readings).toBe(399), wait);
    const kinds = events.map((e) => e.kind).filter((k) => k !== 'info' && k !== 'dropped');
    expect(kinds).toEqual(['connected', 'detected', 'disconnected', 'connected', 'gap']);
    // Outage from the last reading (2.99 s) to the first one kept (4.51 s): 1.52 s x 100 Hz - 1 = 151 lost.
    expect(events.find((e) => e.kind === 'gap')).toMatchObject({ at: 300, samples: 151, seconds: 1.51 });
    // The board's own counter equals index on both sides of the gap: downstream time stays right.
    expect(readings(chunks).every(([index, n]) => index === n)).toBe(true);
    expect(chunks.find((c) => c.index === 451)).toBeDefined(); // a new chunk starts at the gap
    expect(source.stats()).toMatchObject({ reconnects: 1, gapSamples: 151, badLinesByReason: { cut: 2 } });
  });

  it("'drop-oldest': a consumer that falls behind keeps the newest readings within maxBufferedReadings", async () => {
    const board = new FakeBoard();
    const { source, events, chunks } = start(board, { sampleRate: 100, axes: 3, maxBufferedReadings: 1000, chunkReadings: 100 });
    await vi.waitFor(() => expect(source.stats().connected).toBe(true), wait);
    // 10000 lines arrive before the consumer gets a single turn of the event loop.
    for (let n = 0; n < 10000; n += 100) board.send(counterLines(n, 100));
    expect(source.stats().maxQueuedReadings).toBeLessThanOrEqual(1000);
    board.nowMs = 1000;
    await source.close();
    const stats = source.stats();
    expect(stats.maxQueuedReadings).toBeLessThanOrEqual(1000);
    expect(stats.readings + stats.overflowDropped).toBe(9999); // the first line is dropped as possibly cut
    expect(stats.overflowDropped).toBeGreaterThanOrEqual(9000);
    const kept = readings(chunks);
    expect(kept.every(([index, n]) => index === n - 1)).toBe(true); // the newest, still at their true index
    expect(kept[kept.length - 1]).toEqual([9998, 9999]);
    const reported = events.reduce((sum, e) => sum + (e.kind === 'dropped' ? e.readings : 0), 0);
    expect(reported).toBe(stats.overflowDropped);
  });

  it("'pause': the port is paused while the consumer catches up; nothing is dropped and memory stays bounded", async () => {
    const board = new FakeBoard();
    // The real clock: the backlog arrives as the port resumes, and its last chunk must age to be sent.
    const clock = (): number => performance.now();
    const { source, events, chunks } = start(board, { sampleRate: 100, axes: 3, overflow: 'pause', maxBufferedReadings: 1000, chunkReadings: 100, clock });
    await vi.waitFor(() => expect(source.stats().connected).toBe(true), wait);
    for (let n = 0; n < 5000; n += 50) board.send(counterLines(n, 50));
    const port = board.port!;
    expect(port.paused).toBe(true);
    expect(port.backlog.length).toBeGreaterThan(50); // the rest waits in the "OS", not in the source
    await vi.waitFor(() => expect(source.stats().readings).toBe(4999), wait);
    const stats = source.stats();
    expect(stats).toMatchObject({ overflowDropped: 0 });
    expect(stats.maxQueuedReadings).toBeLessThanOrEqual(1000);
    expect(stats.pauses).toBeGreaterThanOrEqual(2);
    expect(port.resumes).toBe(port.pauses);
    expect(readings(chunks)).toEqual(Array.from({ length: 4999 }, (_, i) => [i, i + 1]));
    expect(events.some((e) => e.kind === 'info' && /paused \/dev\/fake: the consumer is behind/.test(e.message))).toBe(true);
  });

  it('fails at once, with the cause and a hint, when the first open fails', async () => {
    const board = new FakeBoard();
    board.present = false;
    const source = openSerialSource({ path: '/dev/ttyACM9', port: board.factory });
    await expect(lastValueFrom(source.chunks)).rejects.toThrow(
      /^serial: cannot open \/dev\/ttyACM9: .*ENOENT; no such device: is the board plugged in\?/,
    );
    const hung = new FakeBoard();
    hung.hangOpen = true;
    const stuck = openSerialSource({ path: '/dev/stuck', port: hung.factory, openTimeoutMs: 30 });
    await expect(lastValueFrom(stuck.chunks)).rejects.toThrow('serial: cannot open /dev/stuck: opening took over 30 ms');
  });

  it('with reconnect off, ends the stream at a disconnect after sending what it received', async () => {
    const board = new FakeBoard();
    const { source, events, chunks, done } = start(board, { sampleRate: 50, axes: 3, reconnect: false });
    await vi.waitFor(() => expect(source.stats().connected).toBe(true), wait);
    board.send(counterLines(0, 21));
    board.unplug();
    await vi.waitFor(() => expect(done()).toBe('complete'), wait);
    expect(readings(chunks)).toHaveLength(20);
    expect(events.map((e) => e.kind)).toEqual(['connected', 'detected', 'disconnected', 'dropped']);
  });

  it('close() sends every reading received, at the best rate estimate if none was detected yet, and closes the port', async () => {
    const board = new FakeBoard();
    const { source, chunks, done } = start(board);
    await vi.waitFor(() => expect(source.stats().connected).toBe(true), wait);
    sendAt100Hz(board, 0, 51, 0); // 0.5 s: too short a window to detect the rate
    const port = board.port!;
    await source.close();
    expect(done()).toBe('complete');
    expect(port.isOpen).toBe(false);
    expect(readings(chunks)).toHaveLength(50);
    expect(chunks[0]!.sampleRate).toBeCloseTo(100, 6);
    const late = await lastValueFrom(source.chunks.pipe(toArray()));
    expect(late).toEqual([]);
  });

  it('closes the port when the last subscriber leaves', async () => {
    const board = new FakeBoard();
    const source = openSerialSource({ path: '/dev/fake', port: board.factory, clock: board.clock });
    const subscription = source.chunks.subscribe();
    await vi.waitFor(() => expect(source.stats().connected).toBe(true), wait);
    subscription.unsubscribe();
    await vi.waitFor(() => expect(board.ports[0]!.isOpen).toBe(false), wait);
  });

  it('refuses bad options, naming the option, the value and what is accepted', () => {
    const bad: [Partial<SerialSourceOptions>, string][] = [
      [{ path: '' }, "serial: path = \"\"; expected a device path such as '/dev/ttyACM0'"],
      [{ baudRate: 0 }, 'serial: baudRate = 0; expected an integer in 50..20000000 (bits/s)'],
      [{ overflow: 'block' as never }, 'serial: overflow = "block"; expected one of "drop-oldest", "pause"'],
      [{ maxBufferedReadings: 100, chunkReadings: 64 }, 'serial: maxBufferedReadings = 100; expected an integer in 132..67108864'],
      [{ axes: ['x', 'x'] }, 'serial: axes = ["x","x"]; expected 1..64 distinct non-empty names, or a count'],
      [{ reconnect: { initialDelayMs: 500, maxDelayMs: 100 } }, 'serial: reconnect.maxDelayMs = 100; expected a number in [500, 600000]'],
      [{ sampleRate: -1 }, 'serial: sampleRate = -1; expected a number in (0, 1000000] (Hz)'],
      [{ baud: 9600 } as never, 'serial: baud = 9600; expected no such option'],
    ];
    for (const [options, message] of bad) {
      expect(() => openSerialSource({ path: '/dev/x', ...options } as SerialSourceOptions)).toThrow(message);
    }
  });
});
