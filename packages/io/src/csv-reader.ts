import { createReadStream } from 'node:fs';
import { CsvDecoder, type CsvChunk, type CsvInfo } from './csv-decoder.js';
import { createCsvReaderPlan, type CsvReaderPlan, type CsvReadOptions } from './csv-plan.js';

/** One segment of a CSV file: the rows between blank lines (or between label changes). */
export interface CsvSegment {
  /** label column value of the segment's rows, if the file has a label column */
  readonly label: string | undefined;
  /** 1-based line of the segment's first row */
  readonly line: number;
  /** interleaved samples, channels in the order of `columns` */
  readonly samples: Float32Array;
}

/** A whole CSV file in memory, split into segments. */
export interface CsvData extends CsvInfo {
  readonly channels: number;
  readonly segments: readonly CsvSegment[];
}

/**
 * Streams a CSV file as CsvChunks, reading 64 KiB of text at a time: a file of any length costs a
 * chunk of memory (plus, when the rate comes from timestamps, 1024 rows read ahead to derive it).
 * Each chunk lies within one segment; `index` counts rows from the segment start.
 * @example
 * for await (const c of readCsvChunks('punch.csv', { sampleRate: 119 })) console.log(c.segment, c.samples.length / c.channels);
 */
export function readCsvChunks(path: string, options: CsvReadOptions | CsvReaderPlan = {}): AsyncGenerator<CsvChunk> {
  const plan = 'description' in options ? options : createCsvReaderPlan(options);
  return decodeFile(path, new CsvDecoder(path, plan));
}

/**
 * Reads a CSV file's header and just enough rows to know its columns and sample rate.
 * @example
 * const { columns, sampleRate } = await readCsvInfo('log.csv'); // ['aX', 'aY', 'aZ'], 100
 */
export async function readCsvInfo(path: string, options: CsvReadOptions | CsvReaderPlan = {}): Promise<CsvInfo> {
  const plan = 'description' in options ? options : createCsvReaderPlan(options);
  const decoder = new CsvDecoder(path, plan);
  const ignore = (): void => {};
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  try {
    for await (const text of stream) {
      decoder.push(text as string, ignore);
      if (decoder.info) return decoder.info;
    }
    decoder.end(ignore);
    return decoder.info!;
  } finally {
    stream.destroy();
  }
}

/**
 * Reads a whole CSV file, split into segments at blank lines and label changes.
 * @example
 * const { segments, sampleRate, columns } = await readCsv('flex.csv', { sampleRate: 119 });
 * segments.length; // one per recorded gesture
 */
export async function readCsv(path: string, options: CsvReadOptions = {}): Promise<CsvData> {
  const decoder = new CsvDecoder(path, createCsvReaderPlan(options));
  const parts: CsvChunk[][] = [];
  for await (const chunk of decodeFile(path, decoder)) (parts[chunk.segment] ??= []).push(chunk);
  const info = decoder.info!;
  const segments = parts.map((chunks): CsvSegment => {
    const samples = new Float32Array(chunks.reduce((n, c) => n + c.samples.length, 0));
    let at = 0;
    for (const c of chunks) {
      samples.set(c.samples, at);
      at += c.samples.length;
    }
    return { label: chunks[0]!.label, line: chunks[0]!.line, samples };
  });
  return { ...info, channels: info.columns.length, segments };
}

async function* decodeFile(path: string, decoder: CsvDecoder): AsyncGenerator<CsvChunk> {
  const ready: CsvChunk[] = [];
  const emit = (chunk: CsvChunk): void => {
    ready.push(chunk);
  };
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  try {
    for await (const text of stream) {
      decoder.push(text as string, emit);
      yield* ready.splice(0);
    }
    decoder.end(emit);
    yield* ready.splice(0);
  } finally {
    stream.destroy();
  }
}
