import { Command, InvalidArgumentError, Option } from 'commander';
import { defaultIfEmpty, ignoreElements, lastValueFrom, Subject, tap } from 'rxjs';
import type { Frame, SampleChunk } from '@sensorkit/dsp';
import { addInputOptions, signalOptions } from '../../input-options.js';
import { nonNegativeInteger } from '../../parse.js';
import { openSignal, RowWriter, type RowFormat } from '@sensorkit/io';
import { toMonoAt } from '../../signal-input.js';
import type { CliIo } from '../../cli-io.js';
import type { FeatureBlock } from './block.js';
import { logMelBlock, mfccBlock } from './mel-blocks.js';
import { envelopeBlock } from './envelope-block.js';
import { spectralBlock, statsBlock } from './feature-set-blocks.js';
import { spectrogramBlock } from './spectrogram-block.js';

export const FEATURE_BLOCKS: FeatureBlock[] = [mfccBlock, logMelBlock, spectrogramBlock, spectralBlock, statsBlock, envelopeBlock];

function channelChoice(value: string): number | 'mean' {
  if (value === 'mean') return 'mean';
  try {
    return nonNegativeInteger(value);
  } catch {
    throw new InvalidArgumentError(`"${value}" is not a channel: give a 0-based index or "mean".`);
  }
}

/** `sensorkit features <block> --input <file> ...`: one row per frame, time in seconds first. */
export function featuresCommand(io: CliIo): Command {
  const features = new Command('features').description('compute DSP features from a file, one row per frame (time in seconds first)');
  for (const block of FEATURE_BLOCKS) {
    const command = new Command(block.name)
      .description(block.summary)
      .requiredOption('-i, --input <file>', 'input file: .wav, .csv, or raw (.f32 float32, .s16/.pcm int16)');
    addInputOptions(command)
      .addOption(new Option('--channel <i|mean>', 'which channel to analyse: 0-based index, or mean of all').argParser(channelChoice).default('mean'))
      .addOption(new Option('--format <format>', 'output format').choices(['csv', 'jsonl']).default('csv'))
      .option('--describe', 'print the resolved DSP plan (JSON) to stderr before the rows');
    block.configure(command);
    command.action(async (options: Record<string, unknown>, cmd: Command) => {
      await runBlock(io, block, options, (name) => cmd.getOptionValueSource(name) === 'cli');
    });
    features.addCommand(command);
  }
  return features;
}

async function runBlock(io: CliIo, block: FeatureBlock, options: Record<string, unknown>, explicit: (name: string) => boolean): Promise<void> {
  const notice = (message: string): void => void io.stderr.write(`sensorkit: ${message}\n`);
  const input = await openSignal(options.input as string, signalOptions(options));
  const built = block.build({ inputRate: input.info.sampleRate, options, explicit });
  if (options.describe) notice(`plan ${JSON.stringify(built.plan)}`);
  const writer = new RowWriter(io.stdout, options.format as RowFormat, built.columns);
  const source = new Subject<SampleChunk>();
  const done = lastValueFrom(
    source.pipe(
      toMonoAt(input.info, options.channel as number | 'mean', built.sampleRate, notice),
      built.operator,
      tap((frame: Frame) => writer.row(frame.index / frame.sampleRate, frame.data)),
      ignoreElements(),
      defaultIfEmpty(undefined),
    ),
  );
  // Feed chunk by chunk and wait for stdout to drain between chunks: memory stays flat whatever the consumer's pace.
  let failed = false;
  done.catch(() => (failed = true));
  for await (const chunk of input.chunks) {
    if (failed) break;
    source.next(chunk);
    if (writer.pendingBytes > 1 << 16) await writer.flush();
  }
  source.complete();
  await done;
  await writer.flush();
  if (writer.rows === 0) notice('no complete frame: the input is shorter than one frame');
}
