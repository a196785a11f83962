import { setImmediate as nextTurn } from 'node:timers/promises';
import { ParameterError, rejectUnknownOptions, requireBoolean, requireInRange, requireInteger } from '@sensorkit/dsp';
import { createLiveSource } from '../create-live-source.js';
import type { LiveSource } from '../live-source.js';
import { createPacer } from '../pacer.js';
import { parseSignalSpec } from './parse-signal-spec.js';
import { SignalGenerator } from './signal-generator.js';
import { createSignalPlan } from './signal-plan.js';
import type { SignalSpec } from './signal-spec.js';

export interface GeneratorSourceOptions {
  /** Hz */
  sampleRate: number;
  /** default 1, or the number of per-channel specs */
  channels?: number;
  /** s; default endless. The last chunk is cut to end at round(duration * sampleRate) frames */
  duration?: number;
  /** frames per chunk; default 1024 */
  chunkFrames?: number;
  /** pace chunks by their sample index on a monotonic clock, as a sensor would; default false (as fast as possible) */
  realtime?: boolean;
  /** with realtime: 2 = twice as fast as real time; default 1 */
  speed?: number;
}

const BLOCK = 'generatorSource';
const KNOWN = ['sampleRate', 'channels', 'duration', 'chunkFrames', 'realtime', 'speed'];

/**
 * A synthetic signal as a LiveSource: a SignalSpec or the compact grammar of parseSignalSpec, generated
 * by SignalGenerator (so chunking never changes the samples), as fast as possible or paced in real
 * time. Endless unless `duration` is given; `close()` stops it between chunks.
 * @example
 * const source = generatorSource('sine:440*0.5+white:0.05', { sampleRate: 16000, duration: 2, realtime: true });
 * source.chunks.subscribe((c) => console.log(c.index / c.sampleRate));
 */
export function generatorSource(spec: SignalSpec | string, options: GeneratorSourceOptions): LiveSource {
  rejectUnknownOptions(BLOCK, options, KNOWN);
  const plan = createSignalPlan(typeof spec === 'string' ? parseSignalSpec(spec) : spec, { sampleRate: options.sampleRate, channels: options.channels });
  const chunkFrames = requireInteger(BLOCK, 'chunkFrames', options.chunkFrames ?? 1024, 1, 1 << 20);
  const realtime = requireBoolean(BLOCK, 'realtime', options.realtime ?? false);
  const speed = requireInRange(BLOCK, 'speed', options.speed ?? 1, 0, 1000, { minExclusive: true, hint: '1 = real time' });
  if (!realtime && speed !== 1) throw new ParameterError(BLOCK, 'speed', speed, '1 unless realtime is true: without pacing the source already runs as fast as it can');
  const total = options.duration === undefined ? Infinity : Math.round(requireInRange(BLOCK, 'duration', options.duration, 0, 1e9, { hint: 's' }) * plan.sampleRate);
  const { sampleRate, channels } = plan;
  const axes = Array.from({ length: channels }, (_, c) => `ch${c}`);

  return createLiveSource(
    BLOCK,
    (sink) => {
      const generator = new SignalGenerator(plan);
      const pacer = realtime ? createPacer({ sampleRate, speed }) : undefined;
      const abort = new AbortController();
      const run = async (): Promise<void> => {
        sink.event({ kind: 'connected', message: `generator: ${sampleRate} Hz, ${channels} channel(s), ${Number.isFinite(total) ? `${total} frames` : 'endless'}${realtime ? `, real time x${speed}` : ''}` });
        let index = 0;
        while (index < total) {
          const frames = Math.min(chunkFrames, total - index);
          // Without pacing, yield once per chunk so close() and other I/O run between chunks.
          const due = pacer ? await pacer.waitUntil(index + frames, abort.signal) : (await nextTurn(), !abort.signal.aborted);
          if (!due) return;
          const samples = new Float32Array(frames * channels);
          generator.fill(samples, index, frames);
          sink.chunk({ samples, sampleRate, channels, index });
          index += frames;
        }
        sink.end(`generator: ended after ${index} frames`);
      };
      const running = run().catch((err: unknown) => sink.fail(err instanceof Error ? err : new Error(String(err))));
      return async () => {
        abort.abort();
        await running;
      };
    },
    { sampleRate, axes },
  );
}
