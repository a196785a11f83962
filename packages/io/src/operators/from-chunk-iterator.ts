import { Observable } from 'rxjs';

/**
 * An Observable over an async iterator that is created per subscription (so each subscriber reads the
 * file anew). Unsubscribing calls the iterator's `return()`, which closes the file of the readers in
 * this package; a thrown error, while opening or reading, becomes an error notification.
 * @example
 * const chunks$ = fromChunkIterator(() => readWavChunks('clip.wav'));
 */
export function fromChunkIterator<T>(open: () => AsyncIterator<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    let iterator: AsyncIterator<T> | undefined;
    let stopped = false;
    const pump = async (): Promise<void> => {
      try {
        iterator = open();
        while (!stopped) {
          const step = await iterator.next();
          if (step.done || stopped) break;
          subscriber.next(step.value);
        }
        subscriber.complete();
      } catch (err) {
        subscriber.error(err);
      }
    };
    void pump();
    return () => {
      stopped = true;
      // Queued behind a pending next(), so the file closes as soon as the read in flight lands.
      iterator?.return?.().catch(() => undefined);
    };
  });
}
