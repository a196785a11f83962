import type { Observable } from 'rxjs';
import type { CsvChunk } from '../csv-decoder.js';
import { createCsvReaderPlan, type CsvReadOptions } from '../csv-plan.js';
import { readCsvChunks } from '../csv-reader.js';
import { fromChunkIterator } from './from-chunk-iterator.js';

/**
 * A CSV file as an Observable of CsvChunks (see readCsvChunks): chunks carry segment, label and line;
 * `index` restarts at each segment. Options are checked at the call; the file opens per subscription.
 * @example
 * csvSource('punch.csv', { sampleRate: 119 }).subscribe((c) => console.log(c.segment, c.label));
 */
export function csvSource(path: string, options: CsvReadOptions = {}): Observable<CsvChunk> {
  const plan = createCsvReaderPlan(options);
  return fromChunkIterator(() => readCsvChunks(path, plan));
}
