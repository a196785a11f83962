import { lastValueFrom, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { concatSamples } from '../../../test/helpers.js';
import type { LiveSource, SourceEvent } from '../live-source.js';
import { generatorSource, type GeneratorSourceOptions } from './generator-source.js';
import { generateSignal } from './signal-generator.js';
import { createSignalPlan } from './signal-plan.js';
import type { SignalSpec } from './signal-spec.js';

const opened: LiveSource[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((source) => source.close()));
});

function source(spec: SignalSpec | string, options: GeneratorSourceOptions): LiveSource {
  const s = generatorSource(spec, options);
  opened.push(s);
  return s;
}

const spec: SignalSpec = [
  { type: 'sine', frequency: 440 },
  { type: 'white', amplitude: 0.1 },
  { type: 'pink', amplitude: 0.1 },
  { type: 'impulse', rate: 30, jitter: 0.001 },
];

describe('generatorSource', () => {
  it('streams the same samples as the batch core, whatever the chunk size', async () => {
    const batch = generateSignal(createSignalPlan(spec, { sampleRate: 16000, channels: 2 }), 0, 8000);
    for (const chunkFrames of [1, 333, 1024, 8000]) {
      const chunks = await lastValueFrom(source(spec, { sampleRate: 16000, channels: 2, duration: 0.5, chunkFrames }).chunks.pipe(toArray()));
      expect(concatSamples(chunks)).toEqual(batch);
      expect(chunks.map((c) => c.index)).toEqual(Array.from({ length: Math.ceil(8000 / chunkFrames) }, (_, k) => k * chunkFrames));
      expect(chunks.every((c) => c.channels === 2 && c.sampleRate === 16000)).toBe(true);
    }
  });

  it('takes the compact grammar and reports connection, end and counts', async () => {
    const s = source('sine:1000*0.5', { sampleRate: 8000, duration: 0.1, chunkFrames: 300 });
    const events: SourceEvent[] = [];
    s.events.subscribe((e) => events.push(e));
    const chunks = await lastValueFrom(s.chunks.pipe(toArray()));
    expect(chunks.map((c) => c.samples.length)).toEqual([300, 300, 200]);
    expect(chunks[0]!.samples[2]).toBeCloseTo(0.5, 6);
    expect(events).toEqual([
      { kind: 'connected', at: 0, message: 'generator: 8000 Hz, 1 channel(s), 800 frames' },
      { kind: 'info', at: 800, message: 'generator: ended after 800 frames' },
    ]);
    expect(s.stats()).toMatchObject({ readings: 800, sampleRate: 8000, axes: ['ch0'] });
  });

  it('runs endless until closed, and close() completes it', async () => {
    const s = source('white', { sampleRate: 16000 });
    let count = 0;
    const done = new Promise<number>((resolve, reject) => {
      s.chunks.subscribe({
        next: () => {
          if (++count === 50) void s.close();
        },
        complete: () => resolve(count),
        error: reject,
      });
    });
    expect(await done).toBe(50); // nothing after close()
  });

  it('closes itself when take(n) unsubscribes', async () => {
    const s = source('pink', { sampleRate: 16000, chunkFrames: 64 });
    const three = await lastValueFrom(s.chunks.pipe(take(3), toArray()));
    expect(three.map((c) => c.index)).toEqual([0, 64, 128]);
    const after = await lastValueFrom(s.chunks.pipe(toArray()));
    expect(after).toEqual([]);
  });

  it('paces chunks in real time: 0.3 s of signal takes at least 0.3 s', async () => {
    const start = performance.now();
    const chunks = await lastValueFrom(source('sine:100', { sampleRate: 8000, duration: 0.3, chunkFrames: 800, realtime: true }).chunks.pipe(toArray()));
    expect(performance.now() - start).toBeGreaterThanOrEqual(300);
    expect(chunks).toHaveLength(3);
  });

  it('refuses bad options by name', () => {
    expect(() => generatorSource('sine:100', { sampleRate: 8000, speed: 2 })).toThrow('generatorSource: speed = 2; expected 1 unless realtime is true');
    expect(() => generatorSource('sine:100', { sampleRate: 8000, chunkFrames: 0 })).toThrow('generatorSource: chunkFrames = 0; expected an integer in 1..1048576');
    expect(() => generatorSource('sine:100', { sampleRate: 8000, duration: -1 })).toThrow('generatorSource: duration = -1; expected a number in [0, 1000000000] (s)');
    expect(() => generatorSource('sine:100', { sampleRate: 8000, rate: 3 } as GeneratorSourceOptions)).toThrow('generatorSource: rate = 3; expected no such option');
  });
});
