import { Observable, ReplaySubject, Subject } from 'rxjs';
import type { SampleChunk } from '@sensorkit/dsp';
import type { LiveSource, SourceEvent, SourceStats } from './live-source.js';

/** What a producer (capture process, generator loop, file reader) uses to deliver into a LiveSource. */
export interface LiveSink {
  /** delivers a chunk downstream (ignored once the source is closing or ended) */
  chunk(chunk: SampleChunk): void;
  /** reports an 'info' event at the current position */
  info(message: string): void;
  /** reports any event; `at` is filled with the current position (sample index after the last chunk) */
  event(event: DistributiveOmit<SourceEvent, 'at'>): void;
  /** the input ended normally: completes both streams */
  end(message: string): void;
  /** the input failed: a 'disconnected' event, then an error notification on `chunks` */
  fail(error: Error): void;
  /** counters the producer may update (badLines, gaps, sampleRate, axes) */
  readonly stats: SourceStats;
  /** per-channel sample index after the last delivered chunk */
  readonly position: number;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Stops a producer and resolves once its process, file or timer is released; never rejects on purpose. */
export type LiveStop = () => Promise<void>;

/** Starts a producer on the first subscription to `chunks`; returns how to stop it. */
export type LiveStart = (sink: LiveSink) => LiveStop;

/** How many past events a late subscriber to `events` still receives. */
export const EVENT_REPLAY = 64;

/**
 * The mechanics every live source shares, written once: the producer starts on the first subscription to
 * `chunks` and is shared by all subscribers (hot); `events` replays its last 64 events so a 'connected'
 * or a failure is never missed by a late subscriber; `close()` stops the producer, waits until it has
 * released what it holds, then completes both streams. Unsubscribing the last chunk subscriber closes
 * the source too, so `take(n)` never leaks a process or a timer.
 * @example
 * const source = createLiveSource('ticker', (sink) => { const t = setInterval(() => sink.chunk(next()), 10); return async () => clearInterval(t); });
 */
export function createLiveSource(name: string, start: LiveStart, initial: Partial<SourceStats> = {}): LiveSource {
  const chunks$ = new Subject<SampleChunk>();
  const events$ = new ReplaySubject<SourceEvent>(EVENT_REPLAY);
  const stats: SourceStats = { readings: 0, badLines: 0, overflowDropped: 0, reconnects: 0, gapSamples: 0, sampleRate: undefined, axes: undefined, ...initial };
  let position = 0;
  let started = false;
  let closing = false;
  let terminated = false;
  let subscribers = 0;
  let stop: LiveStop | undefined;
  let released: Promise<void> | undefined;
  let closed: Promise<void> | undefined;

  const emit = (event: DistributiveOmit<SourceEvent, 'at'>): void => {
    if (!terminated) events$.next({ ...event, at: position } as SourceEvent);
  };
  const release = (): Promise<void> => {
    if (!stop) return Promise.resolve();
    released ??= stop().catch((err: unknown) => {
      // The streams may already be complete: a cleanup failure can only be reported as a warning.
      process.emitWarning(`${name}: cleanup failed: ${err instanceof Error ? err.message : String(err)}`, 'SensorkitIoWarning');
    });
    return released;
  };
  const terminate = (error?: Error): void => {
    if (terminated) return;
    terminated = true;
    events$.complete();
    if (error) chunks$.error(error);
    else chunks$.complete();
  };
  const sink: LiveSink = {
    chunk(chunk) {
      if (closing || terminated) return;
      position = chunk.index + chunk.samples.length / chunk.channels;
      stats.readings += chunk.samples.length / chunk.channels;
      chunks$.next(chunk);
    },
    info: (message) => emit({ kind: 'info', message }),
    event: emit,
    end(message) {
      if (closing || terminated) return;
      emit({ kind: 'info', message });
      terminate();
      void release();
    },
    fail(error) {
      if (closing || terminated) return;
      emit({ kind: 'disconnected', message: error.message });
      terminate(error);
      void release();
    },
    stats,
    get position() {
      return position;
    },
  };

  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing = true;
      await release();
      emit({ kind: 'info', message: `${name}: closed` });
      terminate();
    })();
    return closed;
  };

  const chunks = new Observable<SampleChunk>((subscriber) => {
    const subscription = chunks$.subscribe(subscriber);
    if (terminated || closing) return subscription;
    subscribers++;
    if (!started) {
      started = true;
      try {
        stop = start(sink);
      } catch (err) {
        sink.fail(err instanceof Error ? err : new Error(String(err)));
      }
      // A producer that failed while starting still gets to release what it opened.
      if (terminated) void release();
    }
    return () => {
      subscription.unsubscribe();
      if (--subscribers === 0) void close();
    };
  });

  return {
    chunks,
    events: events$.asObservable(),
    stats: () => ({ ...stats }),
    close,
  };
}
