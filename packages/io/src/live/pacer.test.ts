import { describe, expect, it } from 'vitest';
import { createPacer, pacingDelayMs, type PacerClock } from './pacer.js';

/** A hand-driven clock whose every sleep oversleeps by `lateMs`, as a busy machine would. */
function lateClock(lateMs: number): PacerClock & { slept: number[] } {
  let now = 1000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms + lateMs;
    },
  };
}

describe('pacingDelayMs', () => {
  it('is the time until index / (rate * speed) after the start, never negative', () => {
    expect(pacingDelayMs(0, 0, 16000, 16000)).toBe(1000);
    expect(pacingDelayMs(100, 600, 16000, 16000)).toBe(500);
    expect(pacingDelayMs(0, 0, 16000, 16000, 4)).toBe(250);
    expect(pacingDelayMs(0, 2000, 16000, 16000)).toBe(0);
  });
});

describe('createPacer', () => {
  it('schedules from the start, so oversleeping never accumulates into drift', async () => {
    const clock = lateClock(7);
    const pacer = createPacer({ sampleRate: 1000, clock });
    for (let chunk = 1; chunk <= 100; chunk++) await pacer.waitUntil(chunk * 100);
    // 100 chunks of 100 ms: each wait is shortened by the 7 ms the previous one overslept...
    expect(clock.slept.slice(0, 3)).toEqual([100, 93, 93]);
    // ...so the last chunk is released 7 ms late, not 100 x 7 ms late.
    expect(clock.now() - pacer.startMs!).toBe(10_000 + 7);
  });

  it('never releases a sample early when a timer wakes short', async () => {
    let now = 0;
    const woken: number[] = [];
    const clock: PacerClock = {
      now: () => now,
      sleep: async (ms) => {
        now += ms - 0.6; // a timer that fires 0.6 ms early
        woken.push(now);
      },
    };
    const pacer = createPacer({ sampleRate: 1000, speed: 2, clock });
    expect(await pacer.waitUntil(100)).toBe(true);
    expect(now).toBeGreaterThanOrEqual(50);
    expect(woken.slice(0, -1).every((t) => t < 50)).toBe(true); // it woke early, and waited again
  });

  it('returns false at once when aborted, on the real clock', async () => {
    const pacer = createPacer({ sampleRate: 1000 });
    const abort = new AbortController();
    const waiting = pacer.waitUntil(600_000, abort.signal);
    setTimeout(() => abort.abort(), 10);
    expect(await waiting).toBe(false);
  });

  it('waits at least the due time on the real clock', async () => {
    const pacer = createPacer({ sampleRate: 1000 });
    const start = performance.now();
    expect(await pacer.waitUntil(120)).toBe(true);
    expect(performance.now() - start).toBeGreaterThanOrEqual(120);
  });

  it('refuses a speed of 0', () => {
    expect(() => createPacer({ sampleRate: 1000, speed: 0 })).toThrow('pacer: speed = 0; expected a number in (0, 1000] (1 = real time)');
  });
});
