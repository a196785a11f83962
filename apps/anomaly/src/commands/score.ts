import { Command } from 'commander';
import { addSignalOptions, signalOptions, type CommandIo } from '../detect/command-options.js';
import { ModelScorer } from '../detect/model.js';
import { loadAnomalyModel } from '../detect/model-folder.js';
import { chunksAtRate, openForPlan } from '../detect/signal-input.js';
import type { WindowScore } from '../contracts.js';

/**
 * `sensorkit anomaly score --model <dir> --input <file>`: one line per window (time, score, health,
 * state), as CSV or JSON lines; alerts (changes of state, with the most deviating features) on stderr.
 */
export function scoreCommand(io: CommandIo): Command {
  const command = new Command('score')
    .description('score a recording window by window: time (s), score, health (smoothed score / threshold), state')
    .requiredOption('-m, --model <dir>', 'model folder written by anomaly train')
    .requiredOption('-i, --input <file>', 'recording: .wav, .csv, or raw (.f32 float32, .s16 int16); resampled to the model rate when needed');
  addSignalOptions(command)
    .option('--json', 'JSON lines (WindowScore: machine, time, score, health, state, deviations) instead of CSV')
    .option('--machine <name>', 'machine name in JSON lines and alerts (default: the file name)')
    .action(async (options: Record<string, unknown>) => {
      await runScore(io, options);
    });
  return command;
}

async function runScore(io: CommandIo, o: Record<string, unknown>): Promise<void> {
  const model = await loadAnomalyModel(o.model as string);
  const file = o.input as string;
  const { info, chunks } = await openForPlan(file, model.features, signalOptions(o));
  if (info.sampleRate !== model.features.sampleRate) {
    io.stderr.write(`sensorkit: resampling ${info.sampleRate} Hz -> ${model.features.sampleRate} Hz (the model's rate)\n`);
  }
  const scorer = new ModelScorer(model, (o.machine as string | undefined) ?? file.split(/[\\/]/).pop()!);
  const json = o.json === true;
  if (!json) io.stdout.write('time,score,health,state\n');
  let windows = 0;
  for await (const chunk of chunksAtRate(file, chunks, info, model.features.sampleRate)) {
    const { windows: scored, alerts } = scorer.push(chunk);
    const text = scored.map((w) => (json ? `${JSON.stringify(w)}\n` : csvLine(w))).join('');
    if (text) await write(io, text);
    for (const alert of alerts) io.stderr.write(`sensorkit: alert: ${alert.message}\n`);
    windows += scored.length;
  }
  if (windows === 0) io.stderr.write(`sensorkit: no complete window: the input is shorter than ${model.features.description.options.window} s\n`);
}

function csvLine(w: WindowScore): string {
  return `${round(w.time)},${round(w.score)},${round(w.health)},${w.state}\n`;
}

function round(n: number): number {
  return Number(n.toPrecision(6));
}

/** Waits for the consumer when its buffer is full, so memory stays flat on long files. */
function write(io: CommandIo, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (io.stdout.write(text)) resolve();
    else io.stdout.once('drain', resolve);
  });
}
