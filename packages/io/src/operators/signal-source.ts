import { Observable } from 'rxjs';
import type { SampleChunk } from '@sensorkit/dsp';
import { openSignal, type OpenSignalOptions } from '../open-signal.js';
import { fromChunkIterator } from './from-chunk-iterator.js';

/**
 * Any signal file openSignal reads (WAV, CSV, raw) as an Observable of SampleChunks; a file or option
 * problem becomes an error notification.
 * @example
 * signalSource('accel.f32', { sampleRate: 1000, channels: 3 }).subscribe(onChunk);
 */
export function signalSource(path: string, options: OpenSignalOptions = {}): Observable<SampleChunk> {
  return new Observable<SampleChunk>((subscriber) => {
    let inner: { unsubscribe(): void } | undefined;
    let stopped = false;
    openSignal(path, options).then(
      ({ chunks }) => {
        if (!stopped) inner = fromChunkIterator(() => chunks[Symbol.asyncIterator]()).subscribe(subscriber);
      },
      (err: unknown) => subscriber.error(err),
    );
    return () => {
      stopped = true;
      inner?.unsubscribe();
    };
  });
}
