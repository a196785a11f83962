import type { Observable, Subscription } from 'rxjs';
import { InputError, rejectUnknownOptions, type SampleChunk } from '@sensorkit/dsp';
import { createWavWriterPlan, WavWriter, type WavWriteOptions, type WavWriteResult } from '../wav-writer.js';

/** Writer options; sampleRate and channels default to the first chunk's. */
export type WavSinkOptions = Partial<WavWriteOptions>;

/**
 * Consumes a stream of SampleChunks into a WAV file; resolves with what was written once the stream
 * completes and the header is patched. On a source error or bad chunk (NaN, changed rate or channel
 * count) it stops, patches the header to cover what was written (that data stays intact), and rejects.
 * Options are checked at the call.
 * @example
 * const { frames, clippedSamples } = await wavSink('out.wav', { format: 'pcm16' })(chunks$);
 */
export function wavSink(path: string, options: WavSinkOptions = {}): (source: Observable<SampleChunk>) => Promise<WavWriteResult> {
  rejectUnknownOptions('wav-writer', options, ['sampleRate', 'channels', 'format', 'extensible']);
  const known = options.sampleRate !== undefined && options.channels !== undefined;
  // Check what can be checked now; rate and channel count come later from the stream if not given.
  createWavWriterPlan({ ...options, sampleRate: options.sampleRate ?? 1, channels: options.channels ?? 1 });
  return (source) =>
    new Promise<WavWriteResult>((resolve, reject) => {
      let writer = known ? WavWriter.create(path, options as WavWriteOptions) : undefined;
      let subscription: Subscription | undefined;
      let failed = false;
      const fail = (err: unknown): void => {
        if (failed) return;
        failed = true;
        subscription?.unsubscribe();
        const done = (): void => reject(err);
        if (writer) writer.close().then(done, done);
        else done();
      };
      subscription = source.subscribe({
        next(chunk) {
          if (failed) return;
          try {
            writer ??= WavWriter.create(path, { ...options, sampleRate: chunk.sampleRate, channels: chunk.channels });
            // Checked here, synchronously, so a synchronous source cannot push more chunks past a bad one.
            writer.check(chunk);
          } catch (err) {
            return fail(err);
          }
          writer.write(chunk).catch(fail);
        },
        error: fail,
        complete() {
          if (failed) return;
          if (!writer) {
            return fail(new InputError('wav-writer', `${path}: the stream ended without chunks; give sampleRate and channels to write an empty file`));
          }
          // A write that fails on disk sets `failed` before close() settles: then fail() rejects instead.
          writer.close().then((result) => {
            if (!failed) resolve(result);
          }, fail);
        },
      });
      if (failed) subscription.unsubscribe();
    });
}
