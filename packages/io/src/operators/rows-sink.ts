import type { Writable } from 'node:stream';
import type { Observable } from 'rxjs';
import type { SampleChunk } from '@sensorkit/dsp';
import { RowWriter, type RowFormat } from '../row-writer.js';

export interface RowsSinkOptions {
  /** 'csv' (header + one line per reading) or 'jsonl' (one JSON object per reading) */
  format: RowFormat;
  /**
   * column names per channel, or a function asked at the first chunk (a board's axis names are known only
   * once it has streamed); default ch0, ch1, ...
   */
  columns?: readonly string[] | (() => readonly string[] | undefined);
  /** significant digits of the values; default 7 (float32 precision) */
  digits?: number;
}

/**
 * Writes a sample stream as text: one row per reading, time in seconds (index / sampleRate) first, then
 * one value per channel. Resolves with the row count when the stream completes (after the last write is
 * handed to the stream); rejects on the stream's error, after writing everything received before it.
 * @example
 * await rowsSink(process.stdout, { format: 'jsonl', columns: ['aX', 'aY', 'aZ'] })(source.chunks);
 */
export function rowsSink(out: Writable, options: RowsSinkOptions): (source: Observable<SampleChunk>) => Promise<{ rows: number }> {
  return (source) =>
    new Promise((resolve, reject) => {
      let writer: RowWriter | undefined;
      let row = new Float32Array(0);
      const finish = (done: () => void): void => {
        void (writer?.flush() ?? Promise.resolve()).then(done, reject);
      };
      source.subscribe({
        next(chunk) {
          const { channels, samples, sampleRate, index } = chunk;
          if (!writer) {
            const named = typeof options.columns === 'function' ? options.columns() : options.columns;
            const columns = named?.length === channels ? named : Array.from({ length: channels }, (_, c) => `ch${c}`);
            writer = new RowWriter(out, options.format, columns, options.digits);
            row = new Float32Array(channels);
          }
          for (let i = 0; i < samples.length / channels; i++) {
            row.set(samples.subarray(i * channels, (i + 1) * channels));
            writer.row((index + i) / sampleRate, row);
          }
          // Hand text to the stream in sizeable pieces; a slow reader buffers in the stream, not here.
          if (writer.pendingBytes > 1 << 16) void writer.flush();
        },
        error: (err: unknown) => finish(() => reject(err)),
        complete: () => finish(() => resolve({ rows: writer?.rows ?? 0 })),
      });
    });
}
