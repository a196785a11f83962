import { setTimeout as sleepMs } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { requireInRange, requirePositive } from '@sensorkit/dsp';

/**
 * Milliseconds to wait until sample `index` is due, for a stream whose sample 0 was due at `startMs`
 * (all on one monotonic clock), played at `speed` times real time. Each due time is computed from the
 * start, never from the previous chunk, so a late wake-up shortens the next wait instead of adding drift.
 */
export function pacingDelayMs(startMs: number, nowMs: number, index: number, sampleRate: number, speed = 1): number {
  return Math.max(0, startMs + (index * 1000) / (sampleRate * speed) - nowMs);
}

/** Clock and sleep a pacer uses; injectable so tests can drive time by hand. */
export interface PacerClock {
  /** monotonic milliseconds */
  now(): number;
  /** resolves after `ms` milliseconds; rejects when `signal` aborts */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Real-time pacing by sample index, shared by every live source that replays or synthesises. */
export interface Pacer {
  /** the monotonic time (ms) sample 0 was due; undefined before the first wait */
  readonly startMs: number | undefined;
  /**
   * Resolves once sample `index` is due (a chunk ending at `index` is "captured"); true when it waited
   * the full time, false when `signal` aborted first. Never resolves early.
   */
  waitUntil(index: number, signal?: AbortSignal): Promise<boolean>;
}

export interface PacerOptions {
  /** Hz of the stream being paced */
  sampleRate: number;
  /** 1 = real time, 2 = twice as fast; in (0, 1000] */
  speed?: number;
  /** default: performance.now and timers/promises setTimeout */
  clock?: PacerClock;
}

const realClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms, signal) => sleepMs(ms, undefined, signal ? { signal } : undefined),
};

/**
 * Creates a pacer whose clock starts at the first `waitUntil` call: sample `index` is released at
 * start + index / (sampleRate * speed) seconds on a monotonic clock.
 * @example
 * const pacer = createPacer({ sampleRate: 16000 });
 * for (const chunk of chunks) { await pacer.waitUntil(chunk.index + 1024); emit(chunk); }
 */
export function createPacer(options: PacerOptions): Pacer {
  const sampleRate = requirePositive('pacer', 'sampleRate', options.sampleRate);
  const speed = requireInRange('pacer', 'speed', options.speed ?? 1, 0, 1000, { minExclusive: true, hint: '1 = real time' });
  const clock = options.clock ?? realClock;
  let startMs: number | undefined;
  return {
    get startMs() {
      return startMs;
    },
    async waitUntil(index, signal) {
      startMs ??= clock.now();
      // Timers may wake a fraction of a millisecond early: wait again until the due time has truly passed.
      for (;;) {
        if (signal?.aborted) return false;
        const delay = pacingDelayMs(startMs, clock.now(), index, sampleRate, speed);
        if (delay <= 0) return true;
        try {
          await clock.sleep(Math.ceil(delay), signal);
        } catch (err) {
          if (signal?.aborted) return false;
          throw err;
        }
      }
    },
  };
}
