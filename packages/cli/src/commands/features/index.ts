import { Command, InvalidArgumentError, Option } from 'commander';
import { defaultIfEmpty, ignoreElements, lastValueFrom, Subject, tap } from 'rxjs';
import type { Frame, SampleChunk } from '@sensorkit/dsp';
import { nonNegativeInteger, positiveInteger, positiveNumber } from '../../parse.js';
import { RowWriter, type RowFormat } from '../../row-writer.js';
import { openInput, toMonoAt } from '../../signal-input.js';
import type { FeatureBlock } from './block.js';
import { logMelBlock, mfccBlock } from './mel-blocks.js';
import { spectrogramBlock } from './spectrogram-block.js';

export const FEATURE_BLOCKS: FeatureBlock[] = [mfccBlock, logMelBlock, spectrogramBlock];

function channelChoice(value: string): number | 'mean' {
  if (value === 'mean') return 'mean';
  try {
    return nonNegativeInteger(value);
  } catch {
    throw new InvalidArgumentError(`"${value}" is not a channel: give a 0-based index or "mean".`);
  }
}

/** `sensorkit features <block> --input <file> ...`: one row per frame, time in seconds first. */
export function featuresCommand(): Command {
  const features = new Command('features').description('compute DSP features from a file, one row per frame (time in seconds first)');
  for (const block of FEATURE_BLOCKS) {
    const command = new Command(block.name)
      .description(block.summary)
      .requiredOption('-i, --input <file>', 'input file: .wav, .csv, or raw (.f32/.raw/.bin float32, .s16/.pcm int16)')
      .option('--rate <hz>', 'sample rate in Hz (required for raw input; overrides CSV timestamps)', positiveNumber)
      .option('--channels <n>', 'channel count of raw input', positiveInteger)
      .addOption(new Option('--input-format <format>', 'input format when the extension does not say').choices(['wav', 'csv', 'f32', 's16']))
      .addOption(new Option('--channel <i|mean>', 'which channel to analyse: 0-based index, or mean of all').argParser(channelChoice).default('mean'))
      .addOption(new Option('--format <format>', 'output format').choices(['csv', 'jsonl']).default('csv'))
      .option('--describe', 'print the resolved DSP plan (JSON) to stderr before the rows');
    block.configure(command);
    command.action(async (options: Record<string, unknown>, cmd: Command) => {
      await runBlock(block, options, (name) => cmd.getOptionValueSource(name) === 'cli');
    });
    features.addCommand(command);
  }
  return features;
}

async function runBlock(block: FeatureBlock, options: Record<string, unknown>, explicit: (name: string) => boolean): Promise<void> {
  const notice = (message: string): void => void process.stderr.write(`sensorkit: ${message}\n`);
  const input = await openInput({
    input: options.input as string,
    rate: options.rate as number | undefined,
    channels: options.channels as number | undefined,
    format: options.inputFormat as string | undefined,
    channel: options.channel as number | 'mean',
  });
  const built = block.build({ inputRate: input.info.sampleRate, options, explicit });
  if (options.describe) notice(`plan ${JSON.stringify(built.plan)}`);
  const writer = new RowWriter(process.stdout, options.format as RowFormat, built.columns);
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
