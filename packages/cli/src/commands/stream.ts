import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { extname } from 'node:path';
import { Command, Option } from 'commander';
import { map, takeWhile, type Observable, type OperatorFunction } from 'rxjs';
import { ParameterError, type SampleChunk } from '@sensorkit/dsp';
import { rowsSink, wavSink, type RowFormat } from '@sensorkit/io';
import type { CliIo } from '../cli-io.js';
import { addLiveInputOptions, liveFailure, openLiveInput } from '../live-input.js';
import { positiveNumber } from '../parse.js';

const BLOCK = 'stream';

/** Ends a stream after `seconds` of signal (by sample index), cutting the last chunk to the exact sample. */
function firstSeconds(seconds: number): OperatorFunction<SampleChunk, SampleChunk> {
  return (source: Observable<SampleChunk>) =>
    source.pipe(
      takeWhile((c) => c.index < Math.round(seconds * c.sampleRate)),
      map((c) => {
        const end = Math.round(seconds * c.sampleRate) - c.index;
        const frames = c.samples.length / c.channels;
        return end >= frames ? c : { ...c, samples: c.samples.subarray(0, end * c.channels) };
      }),
    );
}

/**
 * `sensorkit stream (--port | --mic | --generate | --input) [--format csv|jsonl] [--out file]`: the readings of
 * a live source as text rows (time in seconds first) on stdout or in a file, or as a WAV file.
 */
export function streamCommand(io: CliIo): Command {
  const command = new Command('stream').description('write the readings of a live source as CSV or JSON lines (stdout or --out), or to a WAV file');
  addLiveInputOptions(command)
    .addOption(new Option('--format <format>', 'text rows: one reading per row, time in seconds first').choices(['csv', 'jsonl']).default('csv'))
    .option('--out <file>', 'write to a file instead of stdout: .csv, .jsonl, or .wav (float32)')
    .option('--duration <s>', 'stop after this many seconds of signal (default: until Ctrl-C or the end of the input)', positiveNumber)
    .action(async (options: Record<string, unknown>) => {
      const out = options.out as string | undefined;
      const ext = out === undefined ? undefined : extname(out).toLowerCase();
      if (ext !== undefined && !['.csv', '.jsonl', '.wav'].includes(ext)) {
        throw new ParameterError(BLOCK, 'out', out, 'a file ending in .csv, .jsonl or .wav');
      }
      const input = await openLiveInput(options, { command: BLOCK, realtime: true }).catch((err: unknown) => {
        throw liveFailure(BLOCK, err);
      });
      const stop = (): void => void input.source.close();
      process.once('SIGINT', stop);
      try {
        const duration = options.duration as number | undefined;
        const chunks = duration === undefined ? input.source.chunks : input.source.chunks.pipe(firstSeconds(duration));
        if (ext === '.wav') {
          const written = await wavSink(out!, { format: 'float32' })(chunks);
          io.stderr.write(`sensorkit: wrote ${written.frames} frames to ${out}\n`);
          return;
        }
        const format: RowFormat = ext === '.jsonl' ? 'jsonl' : ext === '.csv' ? 'csv' : (options.format as RowFormat);
        const target = out === undefined ? io.stdout : createWriteStream(out);
        // Column names come from the source once it knows them (a board's header line), else ch0, ch1, ...
        const { rows } = await rowsSink(target, { format, columns: () => input.source.stats().axes })(chunks);
        if (target !== io.stdout) {
          target.end();
          await finished(target);
        }
        io.stderr.write(`sensorkit: ${rows} readings from ${input.name}\n`);
      } catch (err) {
        throw liveFailure(BLOCK, err);
      } finally {
        process.removeListener('SIGINT', stop);
        await input.source.close();
      }
    });
  return command;
}
