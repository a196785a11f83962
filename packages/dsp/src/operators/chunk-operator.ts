import { Observable, type OperatorFunction } from 'rxjs';
import { assertChunk, type SampleChunk } from '../chunk.js';

/** The per-subscription state of a stateful block: fed chunk by chunk, flushed at completion. */
export interface ChunkProcessor<Out> {
  push(chunk: SampleChunk, emit: (value: Out) => void): void;
  /** end of stream: emit whatever the block still holds (a padded last frame, a filter tail) */
  flush?(emit: (value: Out) => void): void;
}

/**
 * Builds an RxJS operator around a stateful core. `open` runs on the first chunk of each subscription
 * (so two subscribers never share state, and the state can size itself from the first chunk's rate and
 * channel count). Every chunk is validated against the first one; a thrown error, in `open`, `push` or
 * `flush`, becomes an error notification instead of killing the process.
 */
export function chunkOperator<Out>(block: string, open: (first: SampleChunk) => ChunkProcessor<Out>): OperatorFunction<SampleChunk, Out> {
  return (source) =>
    new Observable<Out>((subscriber) => {
      let processor: ChunkProcessor<Out> | undefined;
      let first: SampleChunk | undefined;
      const emit = (value: Out): void => subscriber.next(value);
      return source.subscribe({
        next(chunk) {
          try {
            assertChunk(block, chunk, first ? { sampleRate: first.sampleRate, channels: first.channels } : {});
            if (!first) {
              first = chunk;
              processor = open(chunk);
            }
            processor!.push(chunk, emit);
          } catch (err) {
            subscriber.error(err);
          }
        },
        error: (err: unknown) => subscriber.error(err),
        complete() {
          try {
            processor?.flush?.(emit);
            subscriber.complete();
          } catch (err) {
            subscriber.error(err);
          }
        },
      });
    });
}
