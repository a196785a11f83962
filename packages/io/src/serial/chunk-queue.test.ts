import { describe, expect, it } from 'vitest';
import { ChunkQueue } from './chunk-queue.js';
import { reconnectDelay } from './serial-options.js';

function push(queue: ChunkQueue, index: number, channels: number, rate: number | undefined): void {
  queue.push(Float64Array.from({ length: channels }, (_, c) => index * 10 + c), channels, index, rate, index / 100);
}

describe('ChunkQueue', () => {
  it('groups readings into chunks of at most chunkReadings, split where channels, rate or index continuity change', () => {
    const queue = new ChunkQueue(64, 4, 3);
    for (let i = 0; i < 6; i++) push(queue, i, 2, 100); // 4 + 2
    push(queue, 6, 3, 100); // channel change
    push(queue, 7, 3, 50); // rate change
    push(queue, 20, 3, 50); // index jump (a gap)
    push(queue, 21, 3, 50);
    queue.flush();
    const chunks = [];
    for (let c = queue.shift(); c; c = queue.shift()) chunks.push([c.index, c.channels, c.sampleRate, Array.from(c.samples)]);
    expect(chunks).toEqual([
      [0, 2, 100, [0, 1, 10, 11, 20, 21, 30, 31]],
      [4, 2, 100, [40, 41, 50, 51]],
      [6, 3, 100, [60, 61, 62]],
      [7, 3, 50, [70, 71, 72]],
      [20, 3, 50, [200, 201, 202, 210, 211, 212]],
    ]);
    expect(queue.total).toBe(0);
  });

  it('holds chunks until the rate is known, then stamps them without splitting the one being filled', () => {
    const queue = new ChunkQueue(64, 4, 1);
    for (let i = 0; i < 6; i++) push(queue, i, 1, undefined);
    expect(queue.ready).toBe(false);
    queue.setRate(25);
    push(queue, 6, 1, 25);
    queue.flush();
    expect([queue.shift(), queue.shift(), queue.shift()].map((c) => c && [c.index, c.samples.length, c.sampleRate])).toEqual([
      [0, 4, 25],
      [4, 3, 25],
      undefined,
    ]);
  });

  it('never holds more than maxReadings: the oldest chunks go first, and are counted', () => {
    const queue = new ChunkQueue(10, 3, 1);
    for (let i = 0; i < 100; i++) {
      push(queue, i, 1, 10);
      expect(queue.total).toBeLessThanOrEqual(10);
    }
    expect(queue.highWater).toBe(10);
    queue.flush();
    const kept: number[] = [];
    for (let c = queue.shift(); c; c = queue.shift()) kept.push(...Array.from({ length: c.samples.length }, (_, i) => c.index + i));
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 100 - kept.length + i));
    expect(queue.dropped + kept.length).toBe(100);
  });
});

describe('reconnectDelay', () => {
  it('grows by factor from initialDelayMs up to maxDelayMs', () => {
    const backoff = { initialDelayMs: 100, maxDelayMs: 2000, factor: 2 };
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => reconnectDelay(backoff, a))).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
  });
});
