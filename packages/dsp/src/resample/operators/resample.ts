import type { OperatorFunction } from 'rxjs';
import type { SampleChunk } from '../../chunk.js';
import { chunkOperator } from '../../operators/chunk-operator.js';
import { requireInRange, requireInteger, rejectUnknownOptions } from '../../validate.js';
import { createResamplePlan } from '../resample-plan.js';
import { Resampler } from '../resampler.js';

export interface ResampleOperatorOptions {
  /** output sample rate in Hz (positive integer); the input rate is taken from the chunks */
  to: number;
  /** Kaiser window shape of the anti-aliasing filter; default 5 (as scipy.signal.resample_poly) */
  kaiserBeta?: number;
}

const BLOCK = 'resample';

/**
 * Resamples a chunk stream to `to` Hz (any rational ratio, each channel independently), emitting chunks
 * at the new rate whose samples equal scipy.signal.resample_poly of the whole stream, the zero-padded
 * filter tail included at completion. Output `index` counts output samples; a stream starting at input
 * index i starts at round(i * to / from). A gap in input indices ends the current segment (its tail is
 * emitted) and starts a new one, so the filter never smears across a gap.
 * @example
 * mic$.pipe(resample({ to: 16000 })) // 44.1 kHz chunks in, 16 kHz chunks out
 */
export function resample(options: ResampleOperatorOptions): OperatorFunction<SampleChunk, SampleChunk> {
  rejectUnknownOptions(BLOCK, options, ['to', 'kaiserBeta']);
  const to = requireInteger(BLOCK, 'to', options.to, 1, 10_000_000, 'Hz');
  const kaiserBeta = requireInRange(BLOCK, 'kaiserBeta', options.kaiserBeta ?? 5, 0, 40);
  return chunkOperator<SampleChunk>(BLOCK, (first) => {
    const from = first.sampleRate;
    const plan = createResamplePlan({ from, to, kaiserBeta });
    const channels = first.channels;
    const resampler = new Resampler(plan, channels);
    let outputStart = Math.round((first.index * plan.up) / plan.down);
    let expected = first.index;

    const emitTail = (emit: (chunk: SampleChunk) => void): void => {
      const index = outputStart + resampler.outputCount;
      const tail = new Float32Array(resampler.flushLength() * channels);
      resampler.flush(tail);
      if (tail.length > 0) emit({ samples: tail, sampleRate: to, channels, index });
    };

    return {
      push(chunk, emit) {
        if (chunk.index !== expected) {
          emitTail(emit);
          outputStart = Math.round((chunk.index * plan.up) / plan.down);
        }
        const frames = chunk.samples.length / channels;
        expected = chunk.index + frames;
        const index = outputStart + resampler.outputCount;
        const out = new Float32Array(resampler.outputLength(frames) * channels);
        resampler.push(chunk.samples, out);
        if (out.length > 0) emit({ samples: out, sampleRate: to, channels, index });
      },
      flush(emit) {
        emitTail(emit);
      },
    };
  });
}
