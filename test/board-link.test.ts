import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRandom } from '@sensorkit/dsp';
import { initBackend, quantizeInput, quantizeModel, runInt8, type Int8Model } from '@sensorkit/ml';
import { tinyConv1d } from '@sensorkit/ml/testing';
import { openSerialSource } from '@sensorkit/io';
import type { SampleChunk } from '@sensorkit/dsp';
import { buildFirmware, firmwareModelId, launchFirmware, type BuiltFirmware, type LaunchedBoard } from '../packages/board/src/index.js';
import { BoardLink, encodeFrame, LinkError, remoteModel, Request, serialLinkPort, streamSignal, type LinkPortOpener } from '../packages/link/src/index.js';

/*
 * The link against the real firmware, built for the `host` target: the same C protocol loop and framing
 * as on the board, as a native process on a pseudo-terminal, reached through the serialport binding. Faults
 * are injected on the wire between the two (garbage, truncation, bit flips, a reset) or on the process
 * (stopped, killed).
 */

let root: string;
let model: Int8Model;
let firmware: BuiltFirmware;
const boards: LaunchedBoard[] = [];
const links: BoardLink[] = [];

beforeAll(async () => {
  await initBackend();
  root = await mkdtemp(join(tmpdir(), 'sensorkit-board-link-'));
  const t = tinyConv1d();
  model = quantizeModel(t.model, t.inputs(50, 1));
  // under ASan and UBSan: any memory or undefined-behaviour error in the firmware kills it and fails the test
  firmware = await buildFirmware(model, 'tiny', 'host', join(root, 'fw'), { sanitize: true });
}, 60_000);

afterEach(async () => {
  await Promise.all(links.splice(0).map((l) => l.close()));
  await Promise.all(boards.splice(0).map((b) => b.stop()));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function boot(): Promise<LaunchedBoard> {
  const board = await launchFirmware('host', firmware.file);
  boards.push(board);
  return board;
}

/** Bytes the next writes carry on the wire instead of (or before) what the link sent. */
interface Faults {
  before: Uint8Array[];
  rewrite: ((bytes: Uint8Array) => Uint8Array)[];
}

/** The real serial port, with a hand on the wire: queued faults apply to the next writes, in order. */
function faultyPort(path: string, faults: Faults): LinkPortOpener {
  return async (listeners) => {
    const port = await serialLinkPort(path)(listeners);
    return {
      write: async (bytes) => {
        const before = faults.before.shift();
        if (before) await port.write(before);
        const rewrite = faults.rewrite.shift();
        await port.write(rewrite ? rewrite(bytes) : bytes);
      },
      close: () => port.close(),
    };
  };
}

async function connect(board: LaunchedBoard, faults?: Faults, options: { timeoutMs?: number; retries?: number } = {}): Promise<BoardLink> {
  const link = await BoardLink.open({ port: faults ? faultyPort(board.path, faults) : serialLinkPort(board.path), name: board.path, ...options });
  links.push(link);
  return link;
}

function inputs(count: number, seed: number): Int8Array[] {
  return tinyConv1d().inputs(count, seed).map((x) => quantizeInput(model, x));
}

describe('the link to the host build of the firmware', () => {
  it('handshakes: protocol version, model id, shapes, quantization and arena as built', async () => {
    const link = await connect(await boot());
    expect(link.info).toMatchObject({
      protocolVersion: 1,
      modelId: firmwareModelId(model, 'tiny'),
      target: 'host',
      arenaBytes: firmware.arenaBytes,
      counterHz: 1e9,
      maxPayload: 4096,
    });
    expect(link.info.input.size).toBe(firmware.inputSize);
    expect(link.info.output.size).toBe(firmware.outputSize);
    expect(link.info.input.scale).toBe(Math.fround(model.tensors[0]!.scale));
    expect(link.info.input.zeroPoint).toBe(model.tensors[0]!.zeroPoint);
    expect(link.info.output.zeroPoint).toBe(model.tensors.at(-1)!.zeroPoint);
  });

  it('round-trips payloads of every size up to 4096 bytes, zeros and 254-byte COBS blocks included', async () => {
    const link = await connect(await boot());
    const random = createRandom(5);
    for (const n of [0, 1, 2, 253, 254, 255, 508, 1000, 4096]) {
      const data = Uint8Array.from({ length: n }, () => (random.uniform() < 0.2 ? 0 : Math.floor(random.uniform() * 256)));
      expect(await link.ping(data)).toEqual(data);
    }
    expect(link.stats()).toMatchObject({ retries: 0, timeouts: 0, resets: 0 });
  });

  it('infers bit for bit what the TypeScript int8 interpreter computes, and refuses a wrong input length', async () => {
    const link = await connect(await boot());
    for (const x of inputs(40, 7)) {
      const { output, ticks } = await link.infer(x);
      expect(output).toEqual(runInt8(model, x));
      expect(ticks).toBeGreaterThan(0);
    }
    await expect(link.infer(new Int8Array(firmware.inputSize + 1))).rejects.toThrow(`link infer: input length = ${firmware.inputSize + 1}; expected ${firmware.inputSize}`);
  });

  it('resynchronises after random garbage before every request, and both ends count what they dropped', async () => {
    const random = createRandom(6);
    const faults: Faults = { before: [], rewrite: [] };
    const link = await connect(await boot(), faults);
    for (let i = 0; i < 20; i++) {
      faults.before.push(Uint8Array.from({ length: 50 + Math.floor(random.uniform() * 500) }, () => Math.floor(random.uniform() * 256)));
      const data = Uint8Array.of(i, 0, 255 - i);
      expect(await link.ping(data)).toEqual(data);
    }
    const board = await link.boardStats();
    expect(board.droppedBytes).toBeGreaterThan(0);
    expect(board.crcErrors + board.malformed + board.overflows).toBeGreaterThan(0);
    // the board's "damaged frame" reports of the garbage re-send the request; the duplicate replies are stale
    const stats = link.stats();
    expect(stats.requests).toBe(22); // hello, 20 pings, stats
    expect(stats.timeouts).toBe(0);
    expect(stats.staleReplies).toBe(stats.retries);
  });

  it('drops a frame cut short and answers the next one at its first attempt', async () => {
    const faults: Faults = { before: [], rewrite: [] };
    const link = await connect(await boot(), faults);
    const cut = encodeFrame(Request.ping, 200, new Uint8Array(100).fill(7));
    faults.before.push(cut.subarray(0, 60));
    expect(await link.ping(Uint8Array.of(1, 2, 3))).toEqual(Uint8Array.of(1, 2, 3));
    expect(link.stats().timeouts).toBe(0);
    const board = await link.boardStats();
    expect(board.crcErrors + board.malformed).toBe(1);
  });

  it('re-sends a request the board received damaged (CRC error) at once, without waiting for the timeout', async () => {
    const faults: Faults = { before: [], rewrite: [] };
    const link = await connect(await boot(), faults, { timeoutMs: 5000 });
    const x = inputs(1, 8)[0]!;
    faults.rewrite.push((bytes) => {
      const bad = bytes.slice();
      bad[10] = bad[10] === 0x55 ? 0x56 : 0x55;
      return bad;
    });
    const started = performance.now();
    expect((await link.infer(x)).output).toEqual(runInt8(model, x));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(link.stats()).toMatchObject({ retries: 1, timeouts: 0 });
    expect((await link.boardStats()).crcErrors).toBe(1);
  });

  it('notices a board that resets mid-stream, tells its listeners, and re-sends the request the reset lost', async () => {
    const faults: Faults = { before: [], rewrite: [] };
    const link = await connect(await boot(), faults);
    let resets = 0;
    link.onReset(() => resets++);
    const x = inputs(1, 9)[0]!;
    faults.before.push(encodeFrame(Request.reset, 99));
    expect((await link.infer(x)).output).toEqual(runInt8(model, x));
    expect(resets).toBe(1);
    expect(link.stats()).toMatchObject({ resets: 1 });
    expect(link.stats().retries).toBeGreaterThanOrEqual(1);
    expect((await link.reset()).modelId).toBe(link.info.modelId);
    expect(resets).toBe(2);
  });

  it('fails a board that stops answering with a timeout naming it, within timeout x attempts, then recovers when it answers again', async () => {
    const board = await boot();
    const link = await connect(board, undefined, { timeoutMs: 150, retries: 2 });
    board.process.kill('SIGSTOP');
    const started = performance.now();
    const error = await link.ping(Uint8Array.of(1)).catch((e: unknown) => e);
    const took = performance.now() - started;
    board.process.kill('SIGCONT');
    expect(error).toBeInstanceOf(LinkError);
    expect((error as LinkError).kind).toBe('timeout');
    expect((error as LinkError).message).toBe(`${board.path}: no reply to ping (seq 2) after 3 attempts of 150 ms (last: timed out)`);
    expect(took).toBeGreaterThanOrEqual(440);
    expect(took).toBeLessThan(1500);
    expect(link.stats()).toMatchObject({ timeouts: 3, retries: 2 });
    expect(await link.ping(Uint8Array.of(2))).toEqual(Uint8Array.of(2));
  });

  it('fails the request in flight at once when the board goes away, and every later one too', async () => {
    const board = await boot();
    const link = await connect(board, undefined, { timeoutMs: 10_000 });
    board.process.kill('SIGSTOP');
    const pending = link.ping(Uint8Array.of(1)).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    board.process.kill('SIGKILL');
    const started = performance.now();
    const error = (await pending) as LinkError;
    expect(performance.now() - started).toBeLessThan(3000);
    expect(error.kind).toBe('closed');
    expect(error.message).toMatch(new RegExp(`^${board.path}: the port closed`));
    await expect(link.ping()).rejects.toMatchObject({ kind: 'closed' });
  });

  it('streams data-forwarder lines that the serial source of @sensorkit/io reads as the built-in signal, until STREAM_STOP', async () => {
    const board = await boot();
    let link = await connect(board);
    await link.startStream(200, 3);
    await expect(link.infer(inputs(1, 1)[0]!)).rejects.toMatchObject({ kind: 'board', code: 5 });
    await link.close();
    const source = openSerialSource({ path: board.path, reconnect: false });
    const chunks: SampleChunk[] = [];
    await new Promise<void>((resolve, reject) => {
      const subscription = source.chunks.subscribe({
        next: (c) => {
          chunks.push(c);
          if (chunks.length === 6) {
            subscription.unsubscribe();
            resolve();
          }
        },
        error: reject,
      });
    });
    await source.close();
    expect(chunks[0]!.channels).toBe(3);
    expect(chunks[0]!.sampleRate).toBeGreaterThan(140);
    expect(chunks[0]!.sampleRate).toBeLessThan(260);
    const got = chunks.flatMap((c) => Array.from({ length: c.samples.length / 3 }, (_, i) => [c.index + i, ...c.samples.subarray(i * 3, i * 3 + 3)]));
    const expected = streamSignal(got.at(-1)![0]! + 1, 3);
    // the source may start mid-stream (its index counts from its first line): find the offset once
    const offset = expected.findIndex((_, n) => got.slice(0, 5).every((row, i) => expected[n + i]?.every((v, k) => v === row[k + 1])));
    expect(offset).toBeGreaterThanOrEqual(0);
    for (const row of got) expect(row.slice(1)).toEqual(streamSignal(offset + row[0]! + 1, 3)[offset + row[0]!]);
    link = await connect(board);
    expect(await link.stopStream()).toBeGreaterThanOrEqual(got.length);
    expect(await link.ping(Uint8Array.of(9))).toEqual(Uint8Array.of(9));
  });

  it('answers the MLPerf Tiny runner text commands on the same UART, results equal to the int8 interpreter, and the link still works after', async () => {
    const board = await boot();
    let text = '';
    // the runner's replies are all there is on the line but the BOOT frame the board sent on start: drop frames
    const port = await serialLinkPort(board.path)({ data: (b) => (text = (text + Buffer.from(b).toString('latin1')).replace(/\0[^\0]*\0/g, '')), closed: () => undefined });
    const command = async (c: string): Promise<string> => {
      text = '';
      await port.write(new TextEncoder().encode(`${c}%`));
      await vi.waitFor(() => expect(text).toMatch(/m-ready\r\n$/), { timeout: 3000, interval: 5 });
      return text;
    };
    const x = inputs(1, 10)[0]!;
    const hex = Buffer.from(x.buffer, x.byteOffset, x.length).toString('hex');
    expect(await command('name')).toBe(`m-name-[sensorkit-${firmwareModelId(model, 'tiny')}]\r\nm-ready\r\n`);
    expect(await command('db load 60')).toBe('m-[Expecting 60 bytes]\r\nm-ready\r\n');
    expect(await command(`db ${hex.slice(0, 60)}`)).toBe('m-ready\r\n');
    expect(await command(`db ${hex.slice(60)}`)).toBe('m-load-done\r\nm-ready\r\n');
    const reply = await command('infer 3 1');
    expect(reply).toMatch(/^m-warmup-start-1\r\nm-warmup-done\r\nm-infer-start-3\r\nm-lap-us-\d+\r\nm-lap-us-\d+\r\nm-infer-done\r\nm-results-\[[-\d,]+\]\r\nm-ready\r\n$/);
    expect(/m-results-\[([-\d,]+)\]/.exec(reply)![1]!.split(',').map(Number)).toEqual([...runInt8(model, x)]);
    expect(await command('results')).toBe(`m-results-[${[...runInt8(model, x)].join(',')}]\r\nm-ready\r\n`);
    expect(await command('fly')).toBe('e-[Unknown command: fly]\r\nm-ready\r\n');
    await port.close();
    const link = await connect(board);
    expect((await link.infer(x)).output).toEqual(runInt8(model, x));
    expect((await link.boardStats()).textCommands).toBe(7);
  });

  it('serves the board model as a RemoteModel with the int8 interpreter result, and refuses a board with another model', async () => {
    const link = await connect(await boot());
    const remote = remoteModel(link, firmwareModelId(model, 'tiny'));
    for (const x of inputs(5, 11)) expect(await remote.predict(x)).toEqual(runInt8(model, x));
    expect(remote.lastTicks).toBeGreaterThan(0);
    expect(() => remoteModel(link, 'tiny-00000000')).toThrow(`the board runs model ${firmwareModelId(model, 'tiny')}; expected tiny-00000000`);
  });

  it('survives 200 KB of random bytes (delimiters, runner text, half frames) and answers right after', async () => {
    const board = await boot();
    const random = createRandom(12);
    const pieces = ['%', '\0', 'db ', 'db load 9', 'infer 1 0', 'name', 'results', '\r\n'].map((t) => new TextEncoder().encode(t));
    const faults: Faults = { before: [], rewrite: [] };
    const noisy = await connect(board, faults, { timeoutMs: 3000 });
    for (let round = 0; round < 20; round++) {
      const chunk: number[] = [];
      while (chunk.length < 10_000) {
        if (random.uniform() < 0.05) chunk.push(...pieces[Math.floor(random.uniform() * pieces.length)]!);
        else if (random.uniform() < 0.02) chunk.push(...encodeFrame(Request.ping, 77, Uint8Array.of(1, 2, 3)).subarray(0, 4));
        else chunk.push(Math.floor(random.uniform() * 256));
      }
      faults.before.push(Uint8Array.from(chunk));
      const data = Uint8Array.of(round, 0, 42);
      expect(await noisy.ping(data)).toEqual(data);
    }
    expect(board.process.exitCode).toBeNull();
    const stats = await noisy.boardStats();
    expect(stats.droppedBytes).toBeGreaterThan(100_000);
    expect(stats.textCommands).toBeGreaterThan(0);
  }, 30_000);
});

