import { Observable, Subject } from 'rxjs';
import type { SampleChunk } from '@sensorkit/dsp';
import type { LiveSource, SourceEvent, SourceStats } from '../live/live-source.js';
import type { BadLineCounts } from './bad-lines.js';
import { SerialConnection } from './serial-connection.js';
import { createSerialSourcePlan, type SerialSourceOptions, type SerialSourcePlan } from './serial-options.js';
import { SerialPipeline } from './serial-pipeline.js';

/** SourceStats plus what a serial source knows about its lines, queue and port. */
export interface SerialSourceStats extends SourceStats {
  /** complete non-blank lines received */
  lines: number;
  /** skipped lines by reason (their total is `badLines`) */
  badLinesByReason: BadLineCounts;
  /** readings held now (queued and being grouped) */
  queuedReadings: number;
  /** most readings ever held at once; never above maxBufferedReadings */
  maxQueuedReadings: number;
  /** times the port was paused because the consumer fell behind ('pause' policy) */
  pauses: number;
  /** rate measured over the last complete window (Hz, unrounded), also when the rate was given */
  measuredRate: number | undefined;
  /** whether a port is open now */
  connected: boolean;
}

/** A LiveSource over a serial port, with serial-specific stats. */
export interface SerialSource extends LiveSource {
  stats(): SerialSourceStats;
  /** the checked options in force */
  readonly plan: SerialSourcePlan;
}

// Input that could not be taken yet (queue full in 'pause' mode), kept in arrival order.
type Input =
  | { kind: 'data'; bytes: Uint8Array; offset: number; time: number }
  | { kind: 'opened'; time: number }
  | { kind: 'lost'; reason: string };

/**
 * Readings from a board printing lines of numbers over serial (Edge Impulse data-forwarder format,
 * Arduino `Serial.println` sketches), as a LiveSource of SampleChunks. The rate and axes are detected
 * from the stream unless given; when the device goes away the source retries with backoff and, on
 * reconnection, advances `index` by the readings lost meanwhile (a 'gap' event), so downstream time
 * stays right. Memory is bounded by maxBufferedReadings whatever the consumer does. The port opens
 * when `chunks` is first subscribed and closes with `close()` or when the last subscriber leaves.
 * @example
 * const board = openSerialSource({ path: '/dev/ttyACM0', baudRate: 115200 });
 * board.events.subscribe((e) => console.error(e.kind, e.message)); // detected 104 Hz, 6 axes (aX, aY, aZ, gX, gY, gZ)
 * board.chunks.subscribe((c) => console.log(c.index, c.sampleRate, c.channels, c.samples.length));
 * setTimeout(() => void board.close(), 10_000);
 */
export function openSerialSource(options: SerialSourceOptions): SerialSource {
  return new SerialSourceRuntime(createSerialSourcePlan(options));
}

class SerialSourceRuntime implements SerialSource {
  readonly chunks: Observable<SampleChunk>;
  readonly events: Observable<SourceEvent>;
  private readonly chunkSubject = new Subject<SampleChunk>();
  private readonly eventSubject = new Subject<SourceEvent>();
  private readonly pipeline: SerialPipeline;
  private readonly connection: SerialConnection;
  private readonly inbox: Input[] = [];
  private state: 'idle' | 'running' | 'closed' = 'idle';
  private subscribers = 0;
  private delivered = 0;
  private pauses = 0;
  private paused = false;
  private drainScheduled = false;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private lastReport = 0;
  private closing: Promise<void> | undefined;

  constructor(readonly plan: SerialSourcePlan) {
    this.pipeline = new SerialPipeline(plan, (event) => this.eventSubject.next(event));
    this.connection = new SerialConnection(plan, {
      opened: () => this.input({ kind: 'opened', time: this.seconds() }),
      data: (bytes) => this.input({ kind: 'data', bytes, offset: 0, time: this.seconds() }),
      lost: (error) => this.input({ kind: 'lost', reason: error.message }),
      retryFailed: (error, attempt, delayMs) =>
        this.info(`reconnection attempt ${attempt} to ${plan.path} failed (${error.message}); next in ${delayMs} ms`),
      ended: (error) => void this.end(error),
    });
    this.events = this.eventSubject.asObservable();
    this.chunks = new Observable<SampleChunk>((subscriber) => {
      const subscription = this.chunkSubject.subscribe(subscriber);
      this.subscribers++;
      if (this.state === 'idle') this.start();
      return () => {
        subscription.unsubscribe();
        if (--this.subscribers === 0) void this.close();
      };
    });
  }

  stats(): SerialSourceStats {
    const p = this.pipeline;
    const counts = { ...p.parser.counts };
    return {
      readings: this.delivered,
      badLines: Object.values(counts).reduce((a, b) => a + b, 0),
      overflowDropped: p.queue.dropped,
      reconnects: p.reconnects,
      gapSamples: p.gapSamples,
      sampleRate: p.detector.sampleRate,
      axes: p.detector.axisNames,
      lines: p.parser.lines,
      badLinesByReason: counts,
      queuedReadings: p.queue.total,
      maxQueuedReadings: p.queue.highWater,
      pauses: this.pauses,
      measuredRate: p.detector.measuredRate,
      connected: this.connection.isOpen,
    };
  }

  close(): Promise<void> {
    return this.end(undefined);
  }

  private start(): void {
    this.state = 'running';
    const tickMs = Math.max(1, Math.min(this.plan.chunkIntervalMs / 2, 250));
    this.ticker = setInterval(() => this.tick(), tickMs);
    this.connection.start();
  }

  private seconds(): number {
    return this.plan.clock() / 1000;
  }

  private info(message: string): void {
    this.eventSubject.next({ kind: 'info', at: this.pipeline.nextIndex, message });
  }

  private input(item: Input): void {
    if (this.state !== 'running') return;
    this.inbox.push(item);
    if (this.inbox.length === 1) this.pump();
  }

  /** Takes queued input in order until the queue pushes back; then the port is paused. */
  private pump(): void {
    const inbox = this.inbox;
    while (inbox.length > 0) {
      const item = inbox[0]!;
      if (item.kind === 'data') {
        const end = this.pipeline.data(item.bytes, item.offset, item.time);
        if (end < item.bytes.length) {
          // Keep the rest (at most one read) as a copy: the port may reuse its buffer (Buffer#slice would not copy).
          item.bytes = new Uint8Array(item.bytes.subarray(end));
          item.offset = 0;
          this.pausePort();
          this.scheduleDrain();
          return;
        }
      } else if (item.kind === 'opened') {
        this.pipeline.connected(item.time);
      } else {
        this.pipeline.disconnected(item.reason);
      }
      inbox.shift();
    }
    if (this.paused) {
      this.paused = false;
      this.connection.resume();
    }
    this.scheduleDrain();
  }

  private pausePort(): void {
    if (this.paused) return;
    this.paused = true;
    this.pauses++;
    this.connection.pause();
    this.info(`paused ${this.plan.path}: the consumer is behind (${this.pipeline.queue.total} readings queued)`);
  }

  private tick(): void {
    const now = this.seconds();
    this.pipeline.flushOlderThan(now);
    if (now - this.lastReport >= 1) {
      this.lastReport = now;
      this.pipeline.report();
    }
    this.scheduleDrain();
  }

  private scheduleDrain(): void {
    if (this.drainScheduled || !this.pipeline.ready) return;
    this.drainScheduled = true;
    // One chunk per turn of the event loop, so port I/O runs between chunks and a slow consumer shows up
    // as a growing queue (bounded, and counted) rather than as bytes lost unseen in the OS.
    setImmediate(() => this.drainOne());
  }

  private drainOne(): void {
    this.drainScheduled = false;
    if (this.state !== 'running') return;
    const chunk = this.pipeline.takeChunk();
    if (chunk) this.deliver(chunk);
    if (this.paused && this.pipeline.queue.total <= this.plan.maxBufferedReadings / 2) this.pump();
    this.scheduleDrain();
  }

  private deliver(chunk: SampleChunk): void {
    this.delivered += chunk.samples.length / chunk.channels;
    this.chunkSubject.next(chunk);
  }

  /** Closes the port, sends every reading already received, then completes (or errors) both streams. */
  private end(error: Error | undefined): Promise<void> {
    this.closing ??= (async () => {
      const wasRunning = this.state === 'running';
      this.state = 'closed';
      clearInterval(this.ticker);
      await this.connection.close();
      if (wasRunning) {
        // Nothing already received is lost: the held input is taken whatever the queue budget.
        this.pipeline.draining = true;
        for (const item of this.inbox) {
          if (item.kind === 'data') this.pipeline.data(item.bytes, item.offset, item.time);
          else if (item.kind === 'lost') this.pipeline.disconnected(item.reason);
        }
        this.inbox.length = 0;
        for (const chunk of this.pipeline.takeRest()) this.deliver(chunk);
        this.pipeline.report();
      }
      if (error) {
        this.eventSubject.next({ kind: 'info', at: this.pipeline.nextIndex, message: error.message });
        this.chunkSubject.error(error);
      } else {
        this.chunkSubject.complete();
      }
      this.eventSubject.complete();
    })();
    return this.closing;
  }
}
