import type { SampleChunk } from '@sensorkit/dsp';
import type { SourceEvent } from '../live/live-source.js';
import { diffBadLines, emptyBadLineCounts, formatBadLines, totalBadLines, type BadLineCounts } from './bad-lines.js';
import { ChunkQueue } from './chunk-queue.js';
import { LineParser, type LineSink } from './line-parser.js';
import type { SerialSourcePlan } from './serial-options.js';
import { StreamDetector, type Detection, type DetectorSink } from './stream-detector.js';

function describeAxes(axes: readonly string[]): string {
  return `${axes.length} ${axes.length === 1 ? 'axis' : 'axes'} (${axes.join(', ')})`;
}

/**
 * Everything between the bytes of a serial port and its chunks, without I/O: parse lines, detect rate
 * and axes, number the readings (`index` counts readings since the start, gaps included), estimate the
 * readings lost while disconnected, group readings into chunks within a bounded queue. Times are
 * passed in (seconds, monotonic), so tests drive it exactly; events go to `emit`.
 * @example
 * const pipeline = new SerialPipeline(plan, (event) => console.log(event.message));
 * pipeline.connected(0);
 * pipeline.data(bytes, 0, 0.05);
 * pipeline.flush();
 * const chunk = pipeline.takeChunk();
 */
export class SerialPipeline {
  readonly parser: LineParser;
  readonly detector: StreamDetector;
  readonly queue: ChunkQueue;
  /** index of the next reading */
  nextIndex = 0;
  reconnects = 0;
  gapSamples = 0;
  /** when true the queue budget is not defended by stopping the parser (closing: take everything) */
  draining = false;
  private now = 0;
  private lastReadingTime: number | undefined;
  private gapSince: number | undefined;
  private everConnected = false;
  private reportedCounts: BadLineCounts = emptyBadLineCounts();
  private reportedDropped = 0;
  private readonly lineSink: LineSink;

  constructor(
    private readonly plan: SerialSourcePlan,
    private readonly emit: (event: SourceEvent) => void,
  ) {
    this.parser = new LineParser({ maxLineBytes: plan.maxLineBytes, maxValues: plan.maxValues });
    this.queue = new ChunkQueue(plan.maxBufferedReadings, plan.chunkReadings, plan.maxValues);
    const detectorSink: DetectorSink = {
      accept: (values, count, time) => this.accept(values, count, time),
      detected: (detection) => this.detected(detection),
      axesChanged: (axes) => this.event({ kind: 'info', message: `axes: ${describeAxes(axes)}; measuring the sample rate` }),
    };
    this.detector = new StreamDetector(plan, this.parser.counts, detectorSink);
    this.lineSink = {
      reading: (values, count, separator) => this.detector.reading(values, count, separator, this.now),
      names: (names, separator) => this.detector.names(names, separator),
      full: () => this.full(),
    };
  }

  /** Whether a chunk can be sent now. */
  get ready(): boolean {
    return this.queue.ready;
  }

  /** A port opened at `time` (s); after a disconnect, the next reading settles the gap. */
  connected(time: number): void {
    this.parser.restart();
    this.detector.restart();
    const reconnect = this.everConnected;
    this.everConnected = true;
    if (reconnect) {
      this.reconnects++;
      this.gapSince = this.lastReadingTime ?? time;
    }
    this.event({ kind: 'connected', message: `${reconnect ? 'reconnected to' : 'connected to'} ${this.plan.path} at ${this.plan.baudRate} baud` });
  }

  /** The port went away (`reason` says how): a partial line is dropped and the chunk so far is queued. */
  disconnected(reason: string): void {
    this.parser.restart();
    this.queue.flush();
    this.event({ kind: 'disconnected', message: `${this.plan.path} disconnected: ${reason}` });
  }

  /**
   * Feeds bytes that arrived at `time` (s) from `start`; returns the index of the first byte not
   * consumed, which is before the end only in 'pause' mode when the queue is full.
   */
  data(bytes: Uint8Array, start: number, time: number): number {
    this.now = time;
    return this.parser.push(bytes, this.lineSink, start);
  }

  /** Sends the chunk being filled if its first reading arrived `chunkIntervalMs` before `time` (s). */
  flushOlderThan(time: number): void {
    const queue = this.queue;
    if (queue.fillingReadings > 0 && (time - queue.fillingSince) * 1000 >= this.plan.chunkIntervalMs) queue.flush();
  }

  /** Sends the chunk being filled now. */
  flush(): void {
    this.queue.flush();
  }

  /** The oldest chunk ready to send, or undefined. */
  takeChunk(): SampleChunk | undefined {
    return toSampleChunk(this.queue.shift());
  }

  /** Everything left, for closing: a rate never detected is replaced by the best estimate, if any. */
  takeRest(): SampleChunk[] {
    this.queue.flush();
    const rate = this.detector.provisionalRate();
    if (rate !== undefined) this.queue.setRate(rate);
    const out: SampleChunk[] = [];
    for (let q = this.queue.take(); q; q = this.queue.take()) {
      const chunk = toSampleChunk(q);
      if (chunk) out.push(chunk);
      else this.queue.dropped += q.samples.length / q.channels;
    }
    return out;
  }

  /** A 'dropped' event for the lines skipped and readings dropped since the last report, if any. */
  report(): void {
    const counts = this.parser.counts;
    const lines = diffBadLines(counts, this.reportedCounts);
    const lineTotal = totalBadLines(lines);
    const readings = this.queue.dropped - this.reportedDropped;
    if (lineTotal === 0 && readings === 0) return;
    this.reportedCounts = { ...counts };
    this.reportedDropped = this.queue.dropped;
    const parts: string[] = [];
    if (lineTotal > 0) parts.push(`skipped ${lineTotal} line${lineTotal === 1 ? '' : 's'} (${formatBadLines(lines)})`);
    if (readings > 0) {
      parts.push(`dropped the ${readings} oldest readings to stay within maxBufferedReadings = ${this.plan.maxBufferedReadings}: the consumer is slower than the board`);
    }
    this.event({ kind: 'dropped', lines: lineTotal, readings, message: parts.join('; ') });
  }

  private full(): boolean {
    if (this.draining || this.plan.overflow !== 'pause') return false;
    // While the rate is unknown nothing can be sent: pausing then would stall detection for good.
    if (this.detector.sampleRate === undefined) return false;
    return this.queue.total + this.plan.axisConfirmLines >= this.plan.maxBufferedReadings;
  }

  private accept(values: Float64Array, count: number, time: number): void {
    if (this.gapSince !== undefined) this.settleGap(time);
    this.queue.push(values, count, this.nextIndex++, this.detector.sampleRate, time);
    this.lastReadingTime = time;
  }

  private settleGap(time: number): void {
    const outage = time - this.gapSince!;
    this.gapSince = undefined;
    const rate = this.detector.provisionalRate();
    // The first reading after the outage is itself received, hence the - 1.
    const samples = rate === undefined ? 0 : Math.max(0, Math.round(outage * rate) - 1);
    const at = this.nextIndex;
    this.nextIndex += samples;
    this.gapSamples += samples;
    const note = rate === undefined ? '; not converted to samples: the rate is not known yet' : ` at ${rate} Hz`;
    const seconds = rate === undefined ? outage : samples / rate;
    const message = `gap of ${outage.toFixed(3)} s while disconnected: ${samples} samples lost${note}`;
    this.event({ kind: 'gap', at, samples, seconds, message });
  }

  private detected(d: Detection): void {
    this.queue.setRate(d.sampleRate);
    const what = d.rateChanged && d.axesChanged ? 'detected' : d.rateChanged ? 'rate changed:' : 'axes changed:';
    this.event({ kind: 'detected', sampleRate: d.sampleRate, axes: d.axes, message: `${what} ${d.sampleRate} Hz, ${describeAxes(d.axes)}` });
  }

  private event(event: DistributiveOmit<SourceEvent, 'at'> & { at?: number }): void {
    this.emit({ ...event, at: event.at ?? this.nextIndex } as SourceEvent);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function toSampleChunk(q: { samples: Float32Array; channels: number; index: number; sampleRate: number | undefined } | undefined): SampleChunk | undefined {
  if (!q || q.sampleRate === undefined) return undefined;
  return { samples: q.samples, sampleRate: q.sampleRate, channels: q.channels, index: q.index };
}
