import type { SampleChunk } from '@sensorkit/dsp';
import type { SourceEvent, SourceStats } from '@sensorkit/io';

/** Where the source stands, as the monitor shows it. */
export type ConnectionState = 'waiting' | 'connected' | 'disconnected' | 'ended';

/** Summary of `frames` readings of one axis: one column of a sparkline. */
export interface Bucket {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly rms: number;
}

/** One axis in the monitor view. */
export interface AxisView {
  readonly name: string;
  /** the latest reading */
  readonly current: number;
  /** extremes over the history window */
  readonly min: number;
  readonly max: number;
  /** RMS over the history window */
  readonly rms: number;
  /** oldest first, the newest (possibly partial) bucket last */
  readonly history: readonly Bucket[];
}

/** Everything the renderer draws: a snapshot, no I/O. */
export interface MonitorState {
  readonly source: string;
  readonly kind: 'audio' | 'sensor';
  readonly connection: ConnectionState;
  /** Hz, once known */
  readonly sampleRate: number | undefined;
  readonly axes: readonly AxisView[];
  /** seconds of signal seen (end of the last chunk, by its sample index) */
  readonly seconds: number;
  /** readings received */
  readonly readings: number;
  readonly badLines: number;
  readonly dropped: number;
  /** gap events, and the samples they lost */
  readonly gaps: number;
  readonly gapSamples: number;
  readonly reconnects: number;
  /** seconds covered by the sparklines */
  readonly historySeconds: number;
  /** the most recent event messages, newest last */
  readonly events: readonly string[];
}

export interface MonitorModelOptions {
  /** shown in the title, e.g. 'serial:/dev/ttyACM0' */
  source: string;
  kind: 'audio' | 'sensor';
  /** seconds of history in the sparklines; default 5 */
  historySeconds?: number;
  /** sparkline columns; default 40 */
  buckets?: number;
  /** event messages kept; default 3 */
  keepEvents?: number;
}

interface Accumulator {
  min: number;
  max: number;
  sum: number;
  sumSq: number;
  n: number;
}

const empty = (): Accumulator => ({ min: Infinity, max: -Infinity, sum: 0, sumSq: 0, n: 0 });

/**
 * The monitor's state: chunks and events in, a MonitorState snapshot out. Pure, so the view is tested
 * without a terminal. History is bucketed by sample index (bucket k holds readings k*B .. k*B+B-1), so
 * a replay gives the same picture whatever the chunk sizes.
 * @example
 * const model = new MonitorModel({ source: 'mic:default', kind: 'audio' });
 * model.pushChunk(chunk);
 * const lines = renderMonitor(model.state(source.stats()));
 */
export class MonitorModel {
  private rate: number | undefined;
  private channels = 0;
  private names: readonly string[] | undefined;
  private framesPerBucket = 1;
  private bucket = -1;
  private open: Accumulator[] = [];
  private done: Bucket[][] = [];
  private current: number[] = [];
  private end = 0;
  private readings = 0;
  private connection: ConnectionState = 'waiting';
  private gaps = 0;
  private gapSamples = 0;
  private readonly events: string[] = [];
  private readonly historySeconds: number;
  private readonly buckets: number;
  private readonly keepEvents: number;

  constructor(private readonly options: MonitorModelOptions) {
    this.historySeconds = options.historySeconds ?? 5;
    this.buckets = options.buckets ?? 40;
    this.keepEvents = options.keepEvents ?? 3;
  }

  /** Seconds of signal seen so far. */
  get seconds(): number {
    return this.rate ? this.end / this.rate : 0;
  }

  /** Adds a chunk's readings to the view. */
  pushChunk(chunk: SampleChunk): void {
    if (chunk.sampleRate !== this.rate || chunk.channels !== this.channels) this.reset(chunk.sampleRate, chunk.channels);
    if (this.connection === 'waiting') this.connection = 'connected';
    const { samples, channels, index } = chunk;
    const frames = samples.length / channels;
    for (let f = 0; f < frames; f++) {
      const b = Math.floor((index + f) / this.framesPerBucket);
      if (b !== this.bucket) this.roll(b);
      for (let c = 0; c < channels; c++) {
        const v = samples[f * channels + c]!;
        const acc = this.open[c]!;
        if (v < acc.min) acc.min = v;
        if (v > acc.max) acc.max = v;
        acc.sum += v;
        acc.sumSq += v * v;
        acc.n++;
      }
    }
    if (frames > 0) for (let c = 0; c < channels; c++) this.current[c] = samples[(frames - 1) * channels + c]!;
    this.end = index + frames;
    this.readings += frames;
  }

  /** Applies a source event: connection state, detected axes, gap counts, the message. */
  pushEvent(event: SourceEvent): void {
    if (event.kind === 'connected') this.connection = 'connected';
    if (event.kind === 'disconnected') this.connection = 'disconnected';
    if (event.kind === 'detected') this.names = event.axes;
    if (event.kind === 'gap') {
      this.gaps++;
      this.gapSamples += event.samples;
    }
    this.events.push(event.message);
    if (this.events.length > this.keepEvents) this.events.shift();
  }

  /** Marks the source as ended (input finished or closed). */
  markEnded(): void {
    this.connection = 'ended';
  }

  /** A snapshot for the renderer; counters the source keeps (bad lines, drops, reconnects) come from `stats`. */
  state(stats?: SourceStats): MonitorState {
    const names = this.names?.length === this.channels ? this.names : stats?.axes?.length === this.channels ? stats.axes : undefined;
    const axes: AxisView[] = [];
    for (let c = 0; c < this.channels; c++) {
      const history = [...this.done.map((column) => column[c]!), ...(this.open[c]!.n > 0 ? [summarize(this.open[c]!)] : [])].slice(-this.buckets);
      let min = Infinity;
      let max = -Infinity;
      let sq = 0;
      for (const b of history) {
        min = Math.min(min, b.min);
        max = Math.max(max, b.max);
        sq += b.rms * b.rms;
      }
      axes.push({ name: names?.[c] ?? `ch${c}`, current: this.current[c] ?? 0, min, max, rms: history.length ? Math.sqrt(sq / history.length) : 0, history });
    }
    return {
      source: this.options.source,
      kind: this.options.kind,
      connection: this.connection,
      sampleRate: this.rate ?? stats?.sampleRate,
      axes,
      seconds: this.seconds,
      readings: this.readings,
      badLines: stats?.badLines ?? 0,
      dropped: stats?.overflowDropped ?? 0,
      gaps: this.gaps,
      gapSamples: Math.max(this.gapSamples, stats?.gapSamples ?? 0),
      reconnects: stats?.reconnects ?? 0,
      historySeconds: this.historySeconds,
      events: [...this.events],
    };
  }

  private reset(rate: number, channels: number): void {
    this.rate = rate;
    this.channels = channels;
    this.framesPerBucket = Math.max(1, Math.round((rate * this.historySeconds) / this.buckets));
    this.bucket = -1;
    this.done = [];
    this.open = Array.from({ length: channels }, empty);
    this.current = [];
  }

  private roll(next: number): void {
    if (this.bucket >= 0 && this.open[0]!.n > 0) {
      this.done.push(this.open.map(summarize));
      if (this.done.length > this.buckets) this.done.shift();
    }
    this.bucket = next;
    this.open = Array.from({ length: this.channels }, empty);
  }
}

function summarize(acc: Accumulator): Bucket {
  return { min: acc.min, max: acc.max, mean: acc.sum / acc.n, rms: Math.sqrt(acc.sumSq / acc.n) };
}
