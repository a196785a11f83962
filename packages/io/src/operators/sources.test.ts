import { readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { frames, frameCount, createFramingPlan } from '@sensorkit/dsp';
import { collect, concatSamples, fixturesDir, scratchDir } from '../../test/helpers.js';
import { FormatError } from '../errors.js';
import { readWav, readWavChunks } from '../wav-reader.js';
import { csvSource } from './csv-source.js';
import { signalSource } from './signal-source.js';
import { wavSource } from './wav-source.js';

const tmp = scratchDir();
afterAll(() => tmp.cleanup());
const fixture = `${fixturesDir}pcm16_stereo.wav`;

/** Open file descriptors of this process that point at `path` (Linux /proc). */
function openCount(path: string): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === path) n++;
    } catch {
      // closed between listing and reading: not open
    }
  }
  return n;
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

describe('wavSource', () => {
  it('emits what readWavChunks yields, then completes; each subscription reads anew', async () => {
    const expected = await collect(readWavChunks(fixture, { chunkFrames: 64 }));
    const source = wavSource(fixture, { chunkFrames: 64 });
    expect(await lastValueFrom(source.pipe(toArray()))).toEqual(expected);
    expect(await lastValueFrom(source.pipe(toArray()))).toEqual(expected);
  });

  it('closes the file when the subscriber unsubscribes early', async () => {
    expect(openCount(fixture)).toBe(0);
    let openWhileReading = -1;
    const source = wavSource(fixture, { chunkFrames: 8 });
    const first = await new Promise<number>((resolve) => {
      const sub = source.subscribe((chunk) => {
        openWhileReading = openCount(fixture);
        sub.unsubscribe();
        resolve(chunk.index);
      });
    });
    expect(first).toBe(0);
    expect(openWhileReading).toBe(1); // the count does see an open file
    await settle();
    expect(openCount(fixture)).toBe(0);
    expect(await lastValueFrom(source.pipe(take(3), toArray()))).toHaveLength(3);
    await settle();
    expect(openCount(fixture)).toBe(0);
  });

  it('turns a broken file into an error notification, and checks options at the call', async () => {
    const bad = tmp.path('bad.wav');
    writeFileSync(bad, 'RIFF\u0004\u0000\u0000\u0000WAVX');
    const err = await firstValueFrom(wavSource(bad)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FormatError);
    expect((err as Error).message).toContain(`${bad}: WAV: RIFF form type "WAVX"; expected "WAVE"`);
    expect(() => wavSource(fixture, { chunkFrames: -1 })).toThrow('wav-reader: chunkFrames = -1');
  });

  it('feeds the dsp framing operator: the frame count of the whole file, whatever the chunk size', async () => {
    const { samples } = await readWav(fixture);
    const plan = createFramingPlan({ length: 64, hop: 32, channels: 2 });
    for (const chunkFrames of [7, 300]) {
      const out = await lastValueFrom(wavSource(fixture, { chunkFrames }).pipe(frames(plan), toArray()));
      expect(out).toHaveLength(frameCount(plan, samples.length / 2));
      expect(Array.from(out[3]!.data)).toEqual(Array.from(samples.subarray(3 * 32 * 2, 3 * 32 * 2 + 128)));
    }
  });
});

describe('csvSource and signalSource', () => {
  it('csvSource emits segment chunks with labels; a bad value is an error notification with the line', async () => {
    const path = tmp.path('g.csv');
    writeFileSync(path, 'aX,aY\n1,2\n3,4\n\n5,6\n');
    const chunks = await lastValueFrom(csvSource(path, { sampleRate: 119 }).pipe(toArray()));
    expect(chunks.map((c) => [c.segment, c.index, Array.from(c.samples)])).toEqual([
      [0, 0, [1, 2, 3, 4]],
      [1, 0, [5, 6]],
    ]);
    const bad = tmp.path('bad.csv');
    writeFileSync(bad, 'aX,aY\n1,2\n3,x\n');
    await expect(lastValueFrom(csvSource(bad, { sampleRate: 119 }))).rejects.toThrow(`${bad}:3: column "aY" = "x"; expected a number`);
  });

  it('signalSource reads any supported file and reports open problems as error notifications', async () => {
    const path = tmp.path('x.f32');
    writeFileSync(path, Buffer.from(Float32Array.of(1, 2, 3, 4, 5, 6).buffer));
    const chunks = await lastValueFrom(signalSource(path, { sampleRate: 10, channels: 2, chunkFrames: 2 }).pipe(toArray()));
    expect(chunks.map((c) => c.index)).toEqual([0, 2]);
    expect(Array.from(concatSamples(chunks))).toEqual([1, 2, 3, 4, 5, 6]);
    await expect(lastValueFrom(signalSource(tmp.path('y.xyz')))).rejects.toThrow('openSignal: format = undefined');
    await expect(lastValueFrom(signalSource(path, { channels: 4, sampleRate: 1 }))).rejects.toThrow('8 bytes left over');
  });
});
