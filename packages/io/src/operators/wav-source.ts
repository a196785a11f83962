import type { Observable } from 'rxjs';
import type { SampleChunk } from '@sensorkit/dsp';
import { createWavReaderPlan, readWavChunks, type WavReadOptions } from '../wav-reader.js';
import { fromChunkIterator } from './from-chunk-iterator.js';

/**
 * A WAV file as an Observable of SampleChunks (see readWavChunks). Options are checked at the call;
 * the file opens per subscription and closes on completion, error or unsubscribe.
 * @example
 * wavSource('clip.wav', { chunkFrames: 512 }).pipe(frames({ length: 480, hop: 320 })).subscribe(onFrame);
 */
export function wavSource(path: string, options: WavReadOptions = {}): Observable<SampleChunk> {
  const plan = createWavReaderPlan(options);
  return fromChunkIterator(() => readWavChunks(path, plan));
}
