import type { Observable } from 'rxjs';
import type { SampleChunk } from '@sensorkit/dsp';

/**
 * What a live source (serial board, microphone, generator, file replay) reports besides samples. Every
 * event carries the source's sample index at the moment it happened, so a consumer can place it on the
 * stream's own clock.
 */
export type SourceEvent =
  | { kind: 'connected'; at: number; message: string }
  | { kind: 'disconnected'; at: number; message: string }
  /** rate (Hz) and axes detected or re-detected from the stream itself */
  | { kind: 'detected'; at: number; sampleRate: number; axes: readonly string[]; message: string }
  /** samples lost while disconnected or overrun: `samples` per channel, `seconds` of signal */
  | { kind: 'gap'; at: number; samples: number; seconds: number; message: string }
  /** lines that did not parse, readings dropped by the overflow policy */
  | { kind: 'dropped'; at: number; lines: number; readings: number; message: string }
  | { kind: 'info'; at: number; message: string };

/** Counters a source keeps from start to end; read any time. */
export interface SourceStats {
  /** readings (sample frames) delivered downstream */
  readings: number;
  /** lines that did not parse (boot noise, debug prints, cut lines) */
  badLines: number;
  /** readings dropped by the overflow policy because the consumer was slower than the source */
  overflowDropped: number;
  /** number of reconnections after the device went away */
  reconnects: number;
  /** samples (per channel) lost in gaps */
  gapSamples: number;
  /** Hz and axes in force now (undefined until detected) */
  sampleRate: number | undefined;
  axes: readonly string[] | undefined;
}

/**
 * A running source of sample chunks. `chunks` is hot-started on subscribe and ends when the source is
 * closed or its input ends; `events` reports connection, detection, gaps and drops as they happen.
 * `close()` stops the device or process and completes both streams; it never throws.
 */
export interface LiveSource {
  readonly chunks: Observable<SampleChunk>;
  readonly events: Observable<SourceEvent>;
  stats(): SourceStats;
  close(): Promise<void>;
}

/** What happens when the consumer is slower than the source. */
export type OverflowPolicy = 'drop-oldest' | 'pause';
