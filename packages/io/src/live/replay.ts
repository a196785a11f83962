import { setImmediate as nextTurn } from 'node:timers/promises';
import { ParameterError, requireBoolean, requireInRange, type SampleChunk } from '@sensorkit/dsp';
import { openSignal, type OpenSignalOptions } from '../open-signal.js';
import { createLiveSource, type LiveSink } from './create-live-source.js';
import type { LiveSource } from './live-source.js';
import { createPacer, type Pacer } from './pacer.js';

export interface ReplayOptions extends OpenSignalOptions {
  /** pace chunks by their sample index on a monotonic clock; default false (as fast as possible) */
  realtime?: boolean;
  /** with realtime: 2 = twice as fast as real time; default 1 */
  speed?: number;
  /** start again at the end of the file, the index running on; default false */
  loop?: boolean;
}

const BLOCK = 'replaySource';

/**
 * Replays any file openSignal reads (WAV, CSV, raw) as a LiveSource. By default as fast as the disk
 * allows; with `realtime`, each chunk is released when its last sample is due (start + end index /
 * (rate * speed) on a monotonic clock, so long files never drift). With `loop`, each pass adds the
 * frames already played to `index` (CSV chunks keep their segment fields, their index offset the same
 * way). `close()` stops at once, mid-wait or mid-read, and closes the file.
 * @example
 * const replay = replaySource('capture.wav', { realtime: true, loop: true });
 * replay.chunks.subscribe((c) => console.log(c.index / c.sampleRate));
 */
export function replaySource(path: string, options: ReplayOptions = {}): LiveSource {
  const { realtime: realtimeOption, speed: speedOption, loop: loopOption, ...signalOptions } = options;
  const realtime = requireBoolean(BLOCK, 'realtime', realtimeOption ?? false);
  const loop = requireBoolean(BLOCK, 'loop', loopOption ?? false);
  const speed = requireInRange(BLOCK, 'speed', speedOption ?? 1, 0, 1000, { minExclusive: true, hint: '1 = real time' });
  if (!realtime && speed !== 1) throw new ParameterError(BLOCK, 'speed', speed, '1 unless realtime is true: without pacing the replay already runs as fast as it can');

  return createLiveSource(BLOCK, (sink) => {
    const abort = new AbortController();
    const running = play(path, signalOptions, { realtime, speed, loop }, sink, abort.signal).catch((err: unknown) =>
      sink.fail(err instanceof Error ? err : new Error(String(err))),
    );
    return async () => {
      abort.abort();
      await running;
    };
  });
}

async function play(path: string, signalOptions: OpenSignalOptions, mode: { realtime: boolean; speed: number; loop: boolean }, sink: LiveSink, signal: AbortSignal): Promise<void> {
  const { info, chunks } = await openSignal(path, signalOptions);
  if (signal.aborted) return;
  sink.stats.sampleRate = info.sampleRate;
  sink.stats.axes = info.channelNames ?? Array.from({ length: info.channels }, (_, c) => `ch${c}`);
  const frames = info.frames === undefined ? '' : `, ${info.frames} frames`;
  sink.event({ kind: 'connected', message: `replay: ${path} (${info.format}, ${info.sampleRate} Hz, ${info.channels} channel(s)${frames})` });
  const pacer = mode.realtime ? createPacer({ sampleRate: info.sampleRate, speed: mode.speed }) : undefined;
  const progress = { played: 0 };
  for (let pass = 1; ; pass++) {
    const offset = progress.played;
    const done = await playPass(chunks[Symbol.asyncIterator](), offset, progress, pacer, sink, signal);
    if (done === 'aborted') return;
    if (progress.played === offset) return sink.end(`replay: ${path} holds no samples`);
    if (!mode.loop) return sink.end(`replay: end of ${path} after ${progress.played} frames`);
    sink.info(`replay: loop ${pass + 1} of ${path} starts at index ${progress.played}`);
  }
}

async function playPass(
  iterator: AsyncIterator<SampleChunk>,
  offset: number,
  progress: { played: number },
  pacer: Pacer | undefined,
  sink: LiveSink,
  signal: AbortSignal,
): Promise<'ended' | 'aborted'> {
  try {
    for (;;) {
      const step = await iterator.next();
      if (signal.aborted) return 'aborted';
      if (step.done) return 'ended';
      const chunk = step.value;
      const frames = chunk.samples.length / chunk.channels;
      // The chunk is "captured" once its last sample is due; fast replays still yield to the event loop.
      const due = pacer ? await pacer.waitUntil(progress.played + frames, signal) : (await nextTurn(), !signal.aborted);
      if (!due) return 'aborted';
      sink.chunk(offset === 0 ? chunk : { ...chunk, index: chunk.index + offset });
      progress.played += frames;
    }
  } finally {
    // Closes the file whether the pass ended, failed or was aborted.
    await iterator.return?.();
  }
}
