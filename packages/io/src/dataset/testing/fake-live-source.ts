import { Observable, Subject } from 'rxjs';
import type { SampleChunk } from '@sensorkit/dsp';
import type { LiveSource, SourceEvent, SourceStats } from '../../live/live-source.js';

/*
 * A generator-like LiveSource for tests: a known signal in fixed chunks, emitted synchronously or one
 * chunk per macrotask, with hooks to fake the problems a real device reports (bad lines, index jumps).
 */

export interface FakeSourceOptions {
  sampleRate: number;
  channels?: number;
  chunkFrames: number;
  /** frames before the stream completes; default endless */
  totalFrames?: number;
  /** emit everything during subscribe (a file replay at full speed); default false: one chunk per setImmediate */
  sync?: boolean;
  /** called before chunk `i` is emitted; may change stats or return a number of readings to skip (an index jump) */
  beforeChunk?: (i: number, stats: SourceStats) => number | void;
  axes?: string[];
}

/** The fake signal: reading `frame` of channel `ch`, as float32. */
export function fakeValue(frame: number, ch: number): number {
  return Math.fround(0.5 * Math.sin(0.01 * frame + ch) + 0.001 * ch);
}

/** A LiveSource emitting fakeValue readings; `closed` tells whether close() was called. */
export function fakeLiveSource(options: FakeSourceOptions): LiveSource & { readonly closed: boolean } {
  const channels = options.channels ?? 1;
  const events = new Subject<SourceEvent>();
  const stats: SourceStats = { readings: 0, badLines: 0, overflowDropped: 0, reconnects: 0, gapSamples: 0, sampleRate: options.sampleRate, axes: options.axes };
  let closed = false;
  const chunks = new Observable<SampleChunk>((subscriber) => {
    let index = 0;
    let i = 0;
    let timer: NodeJS.Immediate | undefined;
    const emitOne = (): boolean => {
      if (closed || subscriber.closed) return false;
      if (options.totalFrames !== undefined && index >= options.totalFrames) {
        subscriber.complete();
        return false;
      }
      const skip = options.beforeChunk?.(i++, stats) ?? 0;
      if (skip > 0) {
        index += skip;
        stats.gapSamples += skip;
      }
      const frames = Math.min(options.chunkFrames, (options.totalFrames ?? Infinity) - index);
      const samples = new Float32Array(frames * channels);
      for (let f = 0; f < frames; f++) for (let c = 0; c < channels; c++) samples[f * channels + c] = fakeValue(index + f, c);
      const chunk: SampleChunk = { samples, sampleRate: options.sampleRate, channels, index };
      index += frames;
      stats.readings += frames;
      subscriber.next(chunk);
      return true;
    };
    if (options.sync) {
      while (emitOne());
      return undefined;
    }
    const loop = (): void => {
      if (emitOne()) timer = setImmediate(loop);
    };
    timer = setImmediate(loop);
    return () => {
      if (timer) clearImmediate(timer);
    };
  });
  return {
    chunks,
    events: events.asObservable(),
    stats: () => ({ ...stats }),
    close: async () => {
      closed = true;
      events.complete();
    },
    get closed() {
      return closed;
    },
  };
}
