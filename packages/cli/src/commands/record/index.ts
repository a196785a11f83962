import { Command } from 'commander';
import { ParameterError } from '@sensorkit/dsp';
import { DatasetWriter, recordSamples, requireLabel, type DatasetEntry, type RecordResult } from '@sensorkit/io';
import type { CliIo } from '../../cli-io.js';
import { addLiveInputOptions, liveFailure, openLiveInput, type LiveInput } from '../../live-input.js';
import { positiveInteger, positiveNumber } from '../../parse.js';
import { ProgressReporter, sampleProblems } from './progress.js';
import { choosePromptMode, countdownPrompt, enterPrompt, isCi, type SessionPrompt } from './prompt.js';

const BLOCK = 'record';

/** `sensorkit record (--port | --mic | --generate | --input) --label <name> --out <dir>`: labelled samples into a dataset folder. */
export function recordCommand(io: CliIo): Command {
  const command = new Command('record')
    .description('record labelled samples from a live source into a dataset folder (manifest.json + one file per sample)')
    .requiredOption('--label <name>', 'label of the samples, e.g. punch (also their folder name)')
    .requiredOption('--out <dir>', 'dataset folder; created if needed, appended to if it exists');
  addLiveInputOptions(command)
    .option('--length <s>', 'seconds per sample, counted in the signal\'s own samples', positiveNumber, 1)
    .option('--count <n>', 'samples to record', positiveInteger, 1)
    .option('--units <units>', 'unit of the readings: one for all axes (g) or one per axis (g,g,g,deg/s,deg/s,deg/s); default normalized for audio, raw for sensors')
    .option('--idle-timeout <s>', 'give up after this many seconds without data', positiveNumber, 10)
    .option('-y, --yes', 'do not wait before each sample (also when the environment has CI=true)')
    .action(async (options: Record<string, unknown>) => {
      await record(io, options);
    });
  return command;
}

async function record(io: CliIo, o: Record<string, unknown>): Promise<void> {
  const label = requireLabel(BLOCK, o.label);
  const mode = choosePromptMode({ yes: o.yes === true, ci: isCi(process.env), stdinIsTty: process.stdin.isTTY === true });
  // A prompt lets a fast generator or replay run on while nobody is recording: pace it like a sensor then.
  const input = await openLiveInput(o, { command: BLOCK, realtime: mode !== 'none' }).catch((err: unknown) => {
    throw liveFailure(BLOCK, err);
  });
  const abort = new AbortController();
  const onSigint = (): void => abort.abort();
  process.once('SIGINT', onSigint);
  let prompt: SessionPrompt | undefined;
  try {
    const units = parseUnits(o.units as string | undefined, input);
    const writer = await DatasetWriter.open(o.out as string);
    const reporter = new ProgressReporter(io.stderr, (io.stderr as { isTTY?: boolean }).isTTY === true);
    prompt = mode === 'enter' ? enterPrompt(process.stdin, io.stderr) : mode === 'countdown' ? countdownPrompt(io.stderr, abort.signal) : undefined;
    const ask = prompt?.ask.bind(prompt);
    const count = o.count as number;
    reporter.line(`recording ${count} x ${o.length} s of '${label}' from ${input.name} into ${writer.dir}`);
    const result = await recordSamples(input.source, {
      writer,
      label,
      length: o.length as number,
      count,
      source: input.name,
      units,
      format: input.kind === 'audio' ? 'wav' : 'csv',
      idleTimeout: o.idleTimeout as number,
      signal: abort.signal,
      ...(ask ? { prompt: ask } : {}),
      onProgress: (p) => reporter.progress(p),
      onSaved: (entry, n) => reporter.saved(entry, n, count),
      onNotice: (m) => reporter.line(`sensorkit: ${m}`),
    });
    io.stdout.write(summary(result, label, count, input.name, writer));
  } catch (err) {
    throw liveFailure(BLOCK, err);
  } finally {
    process.removeListener('SIGINT', onSigint);
    prompt?.close();
    await input.source.close();
  }
}

/** --units as one unit per axis, or one for all; the default says what the numbers are. */
function parseUnits(text: string | undefined, input: LiveInput): string | string[] {
  if (text === undefined) return input.kind === 'audio' ? 'normalized' : 'raw';
  const units = text.split(',').map((u) => u.trim());
  if (units.some((u) => u === '')) throw new ParameterError(BLOCK, '--units', text, 'one unit (g) or a comma-separated unit per axis (g,g,g)');
  return units.length === 1 ? units[0]! : units;
}

function summary(result: RecordResult, label: string, count: number, source: string, writer: DatasetWriter): string {
  const seconds = result.entries.reduce((s, e) => s + e.durationSeconds, 0);
  const head = result.aborted ? `interrupted: recorded ${result.entries.length} of ${count}` : `recorded ${result.entries.length}`;
  const lines = [`${head} samples of '${label}' (${seconds.toFixed(2)} s) from ${source} into ${writer.dir}`];
  const troubled = result.entries.filter((e: DatasetEntry) => sampleProblems(e) !== '');
  for (const e of troubled) lines.push(`  ${e.file}: ${sampleProblems(e)}`);
  const counts = Object.entries(writer.labelCounts()).map(([l, n]) => `${l} ${n}`);
  lines.push(`dataset '${writer.manifest.name}': ${writer.manifest.samples.length} samples: ${counts.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
