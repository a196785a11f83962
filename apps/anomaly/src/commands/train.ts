import { Command, Option } from 'commander';
import { describeBackend, fingerprintFiles, formatTable } from '@sensorkit/ml';
import { openSignal } from '@sensorkit/io';
import {
  addSignalOptions,
  bearingGeometry,
  commandLine,
  fraction,
  nonNegativeInteger,
  positiveNumber,
  signalOptions,
  type CommandIo,
} from '../detect/command-options.js';
import { DETECTOR_KINDS, type DetectorKind } from '../detect/detector.js';
import { createWindowFeaturesPlan } from '../detect/feature-plan.js';
import { fitAnomalyModel } from '../detect/fit-model.js';
import { saveAnomalyModel } from '../detect/model-folder.js';
import { fileFeatures } from '../detect/signal-input.js';
import type { BearingGeometry } from '../contracts.js';

/**
 * `sensorkit anomaly train --input <files...> --out <dir>`: learns normal from normal recordings and
 * writes a model folder (features, detector, calibrated threshold, health settings, model card).
 */
export function trainCommand(io: CommandIo): Command {
  const command = new Command('train')
    .description('train an anomaly detector on normal recordings only, and save it as a model folder')
    .requiredOption('-i, --input <files...>', 'normal recordings: .wav, .csv, or raw (.f32 float32, .s16 int16); other rates are resampled to the first file\'s')
    .requiredOption('-o, --out <dir>', 'model folder to write');
  addSignalOptions(command)
    .option('--window <s>', 'window length, s', positiveNumber, 0.5)
    .option('--hop <s>', 'hop between windows, s (default: window / 2)', positiveNumber)
    .addOption(new Option('--detector <kind>', 'detector; auto trains all three and keeps the one that best notices synthetic deviations of held-out normal windows').choices([...DETECTOR_KINDS, 'auto']).default('auto'))
    .option('--bearing <geometry>', 'bearing for envelope features: skf-6205, skf-6203, or balls,ballDiameter,pitchDiameter,contactAngle (mm, degrees)', bearingGeometry)
    .option('--shaft-hz <hz>', 'shaft speed in Hz (rev/s), with --bearing', positiveNumber)
    .option('--fpr <rate>', 'false-alarm rate the threshold promises on normal windows', fraction, 0.01)
    .option('--seed <n>', 'seed of every random choice in training', nonNegativeInteger, 1)
    .action(async (options: Record<string, unknown>, cmd: Command) => {
      await runTrain(io, options, commandLine('sensorkit anomaly train', cmd));
    });
  return command;
}

async function runTrain(io: CommandIo, o: Record<string, unknown>, line: string): Promise<void> {
  const notice = (message: string): void => void io.stderr.write(`sensorkit: ${message}\n`);
  const files = o.input as string[];
  const openOptions = signalOptions(o);
  const first = (await openSignal(files[0]!, openOptions)).info;
  const features = createWindowFeaturesPlan({
    sampleRate: first.sampleRate,
    channels: first.channels,
    ...(first.channelNames ? { channelNames: first.channelNames } : {}),
    window: o.window as number,
    ...(o.hop !== undefined ? { hop: o.hop as number } : {}),
    ...(o.bearing !== undefined ? { bearing: o.bearing as BearingGeometry } : {}),
    ...(o.shaftHz !== undefined ? { shaftHz: o.shaftHz as number } : {}),
  });
  const recordings = [];
  for (const file of files) {
    const read = await fileFeatures(file, features, openOptions);
    const resampled = read.info.sampleRate !== features.sampleRate ? ` (resampled from ${read.info.sampleRate} Hz)` : '';
    notice(`${file}: ${read.rows.length} windows of ${features.outputLength} features, ${read.seconds.toFixed(1)} s${resampled}`);
    recordings.push(read);
  }
  const detector = o.detector as DetectorKind | 'auto';
  const model = await fitAnomalyModel(
    features,
    recordings.map((r) => r.rows),
    { detector, fpr: o.fpr as number, seed: o.seed as number, autoencoder: { seed: o.seed as number, progress: false } },
    {
      inputs: recordings.map((r) => ({ file: r.file, sampleRate: r.info.sampleRate, channels: r.info.channels, seconds: r.seconds, windows: r.rows.length })),
      fingerprint: await fingerprintFiles(files),
      command: line,
    },
  );
  if (detector === 'auto' || detector === 'autoencoder') notice(describeBackend());
  const { expectedFpr, split } = model.training;
  if (expectedFpr > 1.5 * model.fpr) {
    notice(
      `only ${split.heldOut} held-out normal windows: the threshold can promise about ${(100 * expectedFpr).toFixed(1)} % false alarms, ` +
        `not ${model.fpr * 100} % (give at least ${Math.ceil(2 / model.fpr)} held-out windows: more or longer normal recordings, or a shorter --hop)`,
    );
  }
  await saveAnomalyModel(o.out as string, model);
  const rows = model.training.selection.map((s) => ({
    detector: s.kind,
    'deviation AUC': s.deviationAuc,
    'held-out spread': s.spread,
    chosen: s.kind === model.detector.kind ? 'yes' : '',
  }));
  io.stdout.write(`${formatTable(rows)}\n`);
  io.stdout.write(
    `detector ${model.detector.kind}: threshold ${model.threshold.toPrecision(5)} (calibrated for ${model.fpr * 100} % false alarms on ${model.training.split.heldOut} held-out normal windows), ` +
      `${model.training.split.train} training windows\nsaved ${o.out as string}\n`,
  );
}
