import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEVER, Observable } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '@sensorkit/dsp';
import type { LiveSource } from '../live/live-source.js';
import { loadDataset } from './dataset-loader.js';
import { DatasetWriter } from './dataset-writer.js';
import { recordSamples, type NextSample, type RecordProgress } from './recorder.js';
import { fakeLiveSource, fakeValue } from './testing/fake-live-source.js';

let dir: string;
const sources: LiveSource[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sensorkit-recorder-'));
});
afterEach(async () => {
  await Promise.all(sources.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

function source(options: Parameters<typeof fakeLiveSource>[0]): ReturnType<typeof fakeLiveSource> {
  const s = fakeLiveSource(options);
  sources.push(s);
  return s;
}

/** The fake signal's readings from `start` for `frames` frames, interleaved. */
function expected(start: number, frames: number, channels: number): Float32Array {
  const out = new Float32Array(frames * channels);
  for (let f = 0; f < frames; f++) for (let c = 0; c < channels; c++) out[f * channels + c] = fakeValue(start + f, c);
  return out;
}

describe('recordSamples', () => {
  it('records back-to-back samples from an endless source that emits at once, then stops it', async () => {
    const writer = await DatasetWriter.open(dir);
    const live = source({ sampleRate: 100, channels: 3, chunkFrames: 7, sync: true, axes: ['aX', 'aY', 'aZ'] });
    const progress: RecordProgress[] = [];
    const result = await recordSamples(live, { writer, label: 'wave', length: 0.5, count: 3, source: 'fake:imu', units: 'g', onProgress: (p) => progress.push(p) });
    expect(result.aborted).toBe(false);
    expect(result.entries.map((e) => [e.file, e.startIndex, e.frames, e.gapSamples, e.badLines, e.droppedReadings])).toEqual([
      ['wave/wave.1.csv', 0, 50, 0, 0, 0],
      ['wave/wave.2.csv', 50, 50, 0, 0, 0],
      ['wave/wave.3.csv', 100, 50, 0, 0, 0],
    ]);
    const data = await loadDataset(dir);
    expect(data.entries.map((e) => [e.label, e.sampleRate, e.channels, e.axes, e.units, e.source])).toEqual(
      Array(3).fill(['wave', 100, 3, ['aX', 'aY', 'aZ'], ['g', 'g', 'g'], 'fake:imu']),
    );
    for (const entry of data.entries) expect(await data.readSample(entry)).toEqual(expected(entry.startIndex!, 50, 3));
    // Progress climbs within each sample and never passes its length.
    expect(progress.every((p) => p.seconds > 0 && p.seconds <= 0.5 && p.count === 3)).toBe(true);
    expect(progress.filter((p) => p.number === 2).map((p) => p.seconds)).toEqual([0.06, 0.13, 0.2, 0.27, 0.34, 0.41, 0.48]);
  });

  it('waits for the prompt before each sample and discards what arrives meanwhile', async () => {
    const writer = await DatasetWriter.open(dir);
    const live = source({ sampleRate: 1000, chunkFrames: 10 });
    const prompts: NextSample[] = [];
    const prompt = async (next: NextSample): Promise<void> => {
      prompts.push(next);
      await new Promise((r) => setTimeout(r, 20));
    };
    const { entries } = await recordSamples(live, { writer, label: 'tap', length: 0.05, count: 2, source: 'fake', prompt });
    expect(prompts).toEqual([
      { label: 'tap', number: 1, count: 2 },
      { label: 'tap', number: 2, count: 2 },
    ]);
    expect(entries.map((e) => e.file)).toEqual(['tap/tap.1.wav', 'tap/tap.2.wav']);
    // Readings flowed during both prompts, so neither sample starts where the previous one ended.
    expect(entries[0]!.startIndex).toBeGreaterThan(0);
    expect(entries[1]!.startIndex).toBeGreaterThan(entries[0]!.startIndex! + 50);
    const data = await loadDataset(dir);
    for (const entry of data.entries) expect(await data.readSample(entry)).toEqual(expected(entry.startIndex!, 50, 1));
  });

  it("puts the gaps and bad lines the source reported during a sample into that sample's entry", async () => {
    const writer = await DatasetWriter.open(dir);
    const live = source({
      sampleRate: 100,
      chunkFrames: 10,
      sync: true,
      beforeChunk: (i, stats) => {
        if (i === 2) stats.badLines += 3;
        if (i === 3) stats.overflowDropped += 4;
        if (i === 7) return 5; // a reconnect: 5 readings lost, the index jumps
      },
    });
    const { entries } = await recordSamples(live, { writer, label: 'x', length: 0.3, count: 3, source: 'fake' });
    // Chunk i holds frames 10i..10i+9 until the jump: chunk 2 ends sample 1, chunk 3 starts sample 2, chunk 7 is in sample 3.
    expect(entries.map((e) => [e.startIndex, e.badLines, e.droppedReadings, e.gapSamples])).toEqual([
      [0, 3, 0, 0],
      [30, 0, 4, 0],
      [60, 0, 0, 5],
    ]);
    const data = await loadDataset(dir);
    // The third sample holds the readings as delivered: frames 60..69, then 75..94 after the 5 lost.
    const third = await data.readSample(data.entries[2]!);
    expect(third.subarray(0, 10)).toEqual(expected(60, 10, 1));
    expect(third.subarray(10, 30)).toEqual(expected(75, 20, 1));
  });

  it('fails clearly when the source ends early, keeping what was saved', async () => {
    const writer = await DatasetWriter.open(dir);
    const live = source({ sampleRate: 100, chunkFrames: 8, totalFrames: 150 });
    await expect(recordSamples(live, { writer, label: 'x', length: 1, count: 3, source: 'file:short.wav' })).rejects.toThrow(
      new InputError('recorder', 'file:short.wav ended after 1 of 3 samples; those are saved'),
    );
    expect((await loadDataset(dir)).entries.map((e) => e.file)).toEqual(['x/x.1.wav']);
  });

  it('gives up after the idle timeout when no data comes', async () => {
    const writer = await DatasetWriter.open(dir);
    const silent: LiveSource = { chunks: NEVER, events: NEVER, stats: () => source({ sampleRate: 1, chunkFrames: 1 }).stats(), close: async () => {} };
    await expect(recordSamples(silent, { writer, label: 'x', length: 1, count: 1, source: 'serial:/dev/ttyUSB9', idleTimeout: 0.05 })).rejects.toThrow(
      'recorder: no data from serial:/dev/ttyUSB9 for 0.05 s; is it connected and sending?',
    );
  });

  it('ends on abort with the samples already saved', async () => {
    const writer = await DatasetWriter.open(dir);
    const live = source({ sampleRate: 1000, chunkFrames: 10 });
    const controller = new AbortController();
    const result = await recordSamples(live, {
      writer,
      label: 'x',
      length: 0.02,
      count: 100,
      source: 'fake',
      // Ctrl-C halfway through the third sample.
      onProgress: (p) => p.number === 3 && p.seconds >= 0.01 && controller.abort(),
      signal: controller.signal,
    });
    expect(result.aborted).toBe(true);
    expect(result.entries.map((e) => e.file)).toEqual(['x/x.1.wav', 'x/x.2.wav']);
    expect((await loadDataset(dir)).entries).toHaveLength(2);
  });

  it('reports a source error and refuses bad options before subscribing', async () => {
    const writer = await DatasetWriter.open(dir);
    let subscribed = false;
    const failing: LiveSource = {
      chunks: new Observable(() => {
        subscribed = true;
        throw new InputError('serial', 'device went away');
      }),
      events: NEVER,
      stats: () => source({ sampleRate: 1, chunkFrames: 1 }).stats(),
      close: async () => {},
    };
    await expect(recordSamples(failing, { writer, label: 'x', length: 0, count: 1, source: 'fake' })).rejects.toThrow('recorder: length = 0; expected a finite number > 0');
    await expect(recordSamples(failing, { writer, label: 'x', length: 1, count: 1.5, source: 'fake' })).rejects.toThrow('count = 1.5');
    expect(subscribed).toBe(false);
    await expect(recordSamples(failing, { writer, label: 'x', length: 1, count: 1, source: 'fake' })).rejects.toThrow('serial: device went away');
  });
});
