import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { SampleChunk } from '@sensorkit/dsp';
import { createLiveSource, type LiveSink } from './create-live-source.js';

const chunk = (index: number): SampleChunk => ({ samples: new Float32Array([index]), sampleRate: 10, channels: 1, index });

/** A producer driven by hand from the test, with a record of its starts and stops. */
function manual(): { start(sink: LiveSink): () => Promise<void>; sink: () => LiveSink; starts: number; stops: number } {
  let current: LiveSink | undefined;
  const state = {
    starts: 0,
    stops: 0,
    start(sink: LiveSink) {
      state.starts++;
      current = sink;
      return async () => {
        state.stops++;
      };
    },
    sink: () => current!,
  };
  return state;
}

describe('createLiveSource', () => {
  it('starts once on the first chunk subscriber and shares the stream (hot)', async () => {
    const producer = manual();
    const source = createLiveSource('test', (sink) => producer.start(sink));
    expect(producer.starts).toBe(0);
    const first = lastValueFrom(source.chunks.pipe(toArray()));
    producer.sink().chunk(chunk(0));
    const second = lastValueFrom(source.chunks.pipe(toArray()));
    producer.sink().chunk(chunk(1));
    producer.sink().end('test: done');
    expect((await first).map((c) => c.index)).toEqual([0, 1]);
    expect((await second).map((c) => c.index)).toEqual([1]);
    expect([producer.starts, producer.stops]).toEqual([1, 1]);
    expect(source.stats().readings).toBe(2);
  });

  it('replays past events to a late subscriber, with the position they happened at', async () => {
    const producer = manual();
    const source = createLiveSource('test', (sink) => producer.start(sink));
    const all = lastValueFrom(source.chunks.pipe(toArray()));
    producer.sink().event({ kind: 'connected', message: 'up' });
    producer.sink().chunk(chunk(0));
    producer.sink().fail(new Error('test: device gone'));
    await expect(all).rejects.toThrow('test: device gone');
    expect(await lastValueFrom(source.events.pipe(toArray()))).toEqual([
      { kind: 'connected', at: 0, message: 'up' },
      { kind: 'disconnected', at: 1, message: 'test: device gone' },
    ]);
    await expect(lastValueFrom(source.chunks)).rejects.toThrow('test: device gone');
  });

  it('close() waits for the producer to release, then completes; chunks after close are dropped', async () => {
    let release: () => void = () => {};
    let sink: LiveSink | undefined;
    const source = createLiveSource('test', (s) => {
      sink = s;
      return () => new Promise<void>((resolve) => (release = resolve));
    });
    const all = lastValueFrom(source.chunks.pipe(toArray()));
    sink!.chunk(chunk(0));
    let closed = false;
    const closing = source.close().then(() => (closed = true));
    sink!.chunk(chunk(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closed).toBe(false);
    release();
    await closing;
    expect((await all).map((c) => c.index)).toEqual([0]);
    expect(await lastValueFrom(source.events.pipe(toArray()))).toEqual([{ kind: 'info', at: 1, message: 'test: closed' }]);
  });

  it('a producer that throws while starting becomes an error notification', async () => {
    const source = createLiveSource('test', () => {
      throw new Error('test: cannot open');
    });
    await expect(lastValueFrom(source.chunks)).rejects.toThrow('test: cannot open');
    await source.close();
  });

  it('close() before any subscriber completes both streams without starting', async () => {
    const producer = manual();
    const source = createLiveSource('test', (sink) => producer.start(sink));
    await source.close();
    expect(await lastValueFrom(source.chunks.pipe(toArray()))).toEqual([]);
    expect(producer.starts).toBe(0);
  });
});
