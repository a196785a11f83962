import { readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ParameterError, type SampleChunk } from '@sensorkit/dsp';
import { collect, concatSamples, rng, scratchDir } from '../../test/helpers.js';
import { readWavChunks } from '../wav-reader.js';
import { writeWav } from '../wav-writer.js';
import type { LiveSource, SourceEvent } from './live-source.js';
import { replaySource, type ReplayOptions } from './replay.js';

const tmp = scratchDir();
const halfSecond = tmp.path('half-second.wav');
const opened: LiveSource[] = [];

beforeAll(async () => {
  const random = rng(4);
  const samples = Float32Array.from({ length: 8000 }, () => Math.round((random() * 2 - 1) * 20000) / 32768);
  await writeWav(halfSecond, { sampleRate: 16000, channels: 1, samples, format: 'pcm16' });
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((source) => source.close()));
});
afterAll(() => tmp.cleanup());

function replay(path: string, options: ReplayOptions = {}): LiveSource {
  const source = replaySource(path, options);
  opened.push(source);
  return source;
}

/** Open file descriptors of this process that point at `path` (Linux /proc). */
function openCount(path: string): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === path) n++;
    } catch {
      // closed between listing and reading
    }
  }
  return n;
}

async function timed(source: LiveSource): Promise<{ ms: number; chunks: SampleChunk[] }> {
  const start = performance.now();
  const chunks = await lastValueFrom(source.chunks.pipe(toArray()));
  return { ms: performance.now() - start, chunks };
}

describe('replaySource', () => {
  it('replays a file as its reader reads it, then completes and closes the file', async () => {
    const expected = await collect(readWavChunks(halfSecond, { chunkFrames: 1000 }));
    const source = replay(halfSecond, { chunkFrames: 1000 });
    const events: SourceEvent[] = [];
    source.events.subscribe((e) => events.push(e));
    expect(await lastValueFrom(source.chunks.pipe(toArray()))).toEqual(expected);
    expect(events).toEqual([
      { kind: 'connected', at: 0, message: `replay: ${halfSecond} (wav, 16000 Hz, 1 channel(s), 8000 frames)` },
      { kind: 'info', at: 8000, message: `replay: end of ${halfSecond} after 8000 frames` },
    ]);
    expect(source.stats()).toMatchObject({ readings: 8000, sampleRate: 16000, axes: ['ch0'] });
    expect(openCount(halfSecond)).toBe(0);
  });

  it('in real time, 0.5 s of signal takes at least 0.45 s; as fast as possible takes less', async () => {
    const paced = await timed(replay(halfSecond, { realtime: true, chunkFrames: 1024 }));
    const fast = await timed(replay(halfSecond, { chunkFrames: 1024 }));
    expect(paced.ms).toBeGreaterThanOrEqual(450);
    expect(fast.ms).toBeLessThan(paced.ms);
    expect(concatSamples(paced.chunks)).toEqual(concatSamples(fast.chunks));
  });

  it('at speed 2, 0.5 s of signal takes at least 0.225 s', async () => {
    const { ms, chunks } = await timed(replay(halfSecond, { realtime: true, speed: 2, chunkFrames: 2000 }));
    expect(ms).toBeGreaterThanOrEqual(225);
    expect(chunks).toHaveLength(4);
  });

  it('loops with the index running on', async () => {
    const source = replay(halfSecond, { loop: true, chunkFrames: 3000 });
    const events: SourceEvent[] = [];
    source.events.subscribe((e) => events.push(e));
    const chunks = await lastValueFrom(source.chunks.pipe(take(7), toArray()));
    expect(chunks.map((c) => c.index)).toEqual([0, 3000, 6000, 8000, 11000, 14000, 16000]);
    expect(chunks[3]!.samples).toEqual(chunks[0]!.samples);
    expect(events.map((e) => e.message)).toContain(`replay: loop 2 of ${halfSecond} starts at index 8000`);
    await source.close();
    expect(openCount(halfSecond)).toBe(0);
  });

  it('close() mid-wait stops at once, completes the chunks and closes the file', { timeout: 5000 }, async () => {
    // Twenty minutes of real-time replay: only a prompt close lets this test finish.
    const source = replay(halfSecond, { realtime: true, loop: true, chunkFrames: 160 });
    const all = lastValueFrom(source.chunks.pipe(toArray()));
    await firstValueFrom(source.chunks);
    expect(openCount(halfSecond)).toBe(1);
    await source.close();
    const chunks = await all;
    expect(chunks.length).toBeGreaterThan(0);
    expect(openCount(halfSecond)).toBe(0);
  });

  it('replays a CSV with its column names as axes, and raw files with their rate', async () => {
    const csv = tmp.path('imu.csv');
    writeFileSync(csv, 'aX,aY\n1,2\n3,4\n5,6\n');
    const source = replay(csv, { sampleRate: 100 });
    const chunks = await lastValueFrom(source.chunks.pipe(toArray()));
    expect(Array.from(concatSamples(chunks))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(source.stats().axes).toEqual(['aX', 'aY']);
  });

  it('turns a file problem into an error notification and a disconnected event', async () => {
    const source = replay(tmp.path('missing.wav'));
    const events: SourceEvent[] = [];
    source.events.subscribe((e) => events.push(e));
    await expect(lastValueFrom(source.chunks)).rejects.toThrow(/ENOENT/);
    expect(events[0]!.kind).toBe('disconnected');
    const badOption = replay(halfSecond, { columns: ['x'] });
    await expect(lastValueFrom(badOption.chunks)).rejects.toThrow(ParameterError);
  });

  it('refuses a speed without realtime', () => {
    expect(() => replaySource(halfSecond, { speed: 2 })).toThrow('replaySource: speed = 2; expected 1 unless realtime is true');
    expect(() => replaySource(halfSecond, { realtime: true, speed: -1 })).toThrow(ParameterError);
  });
});
