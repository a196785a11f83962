import type { Subscription } from 'rxjs';
import type { SampleChunk } from '@sensorkit/dsp';
import type { LiveInput } from '../../live-input.js';
import { MonitorModel, type MonitorState } from './monitor-model.js';
import { renderMonitor, renderMonitorLine } from './render-monitor.js';

export interface MonitorLoopOptions {
  out: NodeJS.WritableStream;
  /** redraw in place with ANSI cursor movement; otherwise one line per second of signal */
  tty: boolean;
  /** seconds of signal to show before stopping; default until the source ends or `signal` aborts */
  duration?: number;
  /** ms between redraws on a terminal; default 100 */
  refreshMs?: number;
  /** Ctrl-C: stop cleanly */
  signal: AbortSignal;
}

const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
const CLEAR_BELOW = '\x1b[J';
// With --duration, a source that stalls (board unplugged) still ends this long after the signal should have.
const STALL_GRACE_S = 10;

/**
 * Runs the live view until the duration of signal has been shown, the source ends, or `signal` aborts;
 * resolves with the final state (rejects with the source's error). The source is not closed here.
 */
export function runMonitor(input: LiveInput, options: MonitorLoopOptions): Promise<MonitorState> {
  const { out, tty, duration, signal } = options;
  const { source } = input;
  const model = new MonitorModel({ source: input.name, kind: input.kind });
  let drawn = 0;
  let nextLine = 1;
  const draw = (): void => {
    const lines = renderMonitor(model.state(source.stats()));
    out.write(`${drawn ? `\x1b[${drawn}A` : ''}${CLEAR_BELOW}${lines.join('\n')}\n`);
    drawn = lines.length;
  };

  return new Promise<MonitorState>((resolve, reject) => {
    const subscriptions: Subscription[] = [];
    let finished = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (err?: unknown, notice?: string): void => {
      if (finished) return;
      finished = true;
      for (const t of timers) clearTimeout(t);
      for (const s of subscriptions) s.unsubscribe();
      signal.removeEventListener('abort', onAbort);
      const state = model.state(source.stats());
      if (tty) {
        draw();
        out.write(SHOW_CURSOR);
      } else {
        if (model.seconds > nextLine - 1) out.write(`${renderMonitorLine(state)}\n`);
        out.write(`--\n${renderMonitor(state).join('\n')}\n`);
      }
      if (notice) out.write(`sensorkit: ${notice}\n`);
      if (err !== undefined) reject(err);
      else resolve(state);
    };
    const onAbort = (): void => finish();

    if (tty) {
      out.write(HIDE_CURSOR);
      draw();
      timers.push(setInterval(draw, options.refreshMs ?? 100));
    }
    if (duration !== undefined) {
      const limit = duration + STALL_GRACE_S;
      const stall = setTimeout(() => finish(undefined, `stopped after ${limit} s of waiting: the source delivered only ${model.seconds.toFixed(2)} s of its ${duration} s`), limit * 1000);
      timers.push(stall);
    }
    signal.addEventListener('abort', onAbort);
    subscriptions.push(
      source.events.subscribe((event) => {
        model.pushEvent(event);
        if (!tty && !finished) out.write(`event: ${event.kind}: ${event.message}\n`);
      }),
    );
    subscriptions.push(
      source.chunks.subscribe({
        next: (chunk) => {
          if (finished) return;
          const limit = duration === undefined ? Infinity : Math.round(duration * chunk.sampleRate);
          model.pushChunk(cut(chunk, limit));
          if (!tty && model.seconds >= nextLine) {
            out.write(`${renderMonitorLine(model.state(source.stats()))}\n`);
            nextLine = Math.floor(model.seconds) + 1;
          }
          if (chunk.index + chunk.samples.length / chunk.channels >= limit) finish();
        },
        error: (err: unknown) => {
          model.markEnded();
          finish(err);
        },
        complete: () => {
          model.markEnded();
          finish();
        },
      }),
    );
    if (signal.aborted) finish();
  });
}

/** The part of a chunk before frame `limit` of the stream (the whole chunk when it ends earlier). */
function cut(chunk: SampleChunk, limit: number): SampleChunk {
  const frames = chunk.samples.length / chunk.channels;
  if (chunk.index + frames <= limit) return chunk;
  const keep = Math.max(0, limit - chunk.index);
  return { ...chunk, samples: chunk.samples.subarray(0, keep * chunk.channels) };
}
