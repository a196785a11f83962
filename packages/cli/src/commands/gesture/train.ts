import { Command, Option } from 'commander';
import { describeBackend, fingerprintFiles, initBackend, setSeed, type BackendPreference } from '@sensorkit/ml';
import { loadGestureData, saveGestureModel, trainGestureModel } from '@sensorkit/gesture';
import type { CliIo } from '../../cli-io.js';
import { nonNegativeInteger, nonNegativeNumber, positiveInteger, positiveNumber } from '../../parse.js';
import { invokedAs } from './command-line.js';
import { addImuDataOptions, imuDataOptions } from './data-options.js';

/** `sensorkit gesture train --data <files or dirs> --out <model dir>`. */
export function gestureTrainCommand(io: CliIo): Command {
  const command = new Command('train')
    .description('train the 1-D CNN gesture classifier on IMU recordings (Arduino captures, labelled logs, generated sets, sensorkit datasets)')
    .requiredOption('--data <paths...>', 'CSV files (label = file name, or a label column) or folders of them')
    .requiredOption('--out <dir>', 'model folder to write');
  addImuDataOptions(command)
    .option('--window <s>', 'seconds per window (default: the median length of the segments)', positiveNumber)
    .option('--pre-trigger <s>', 'seconds of each capture before its trigger point, as the data was captured (the Arduino sketch: 0)', nonNegativeNumber, 0.25)
    .option('--threshold <g>', 'motion-trigger threshold to classify with, in g away from gravity', positiveNumber, 0.3)
    .option('--length <n>', 'time steps each window is resampled to', positiveInteger, 64)
    .option('--epochs <n>', 'most epochs (from 200 windows up, early stopping on a held-out 15%)', positiveInteger, 40)
    .option('--augment <n>', 'augmented copies per window (time warp, rotation, gain, noise)', nonNegativeInteger, 4)
    .option('--seed <n>', 'seed of the split, augmentation and weights', nonNegativeInteger, 1)
    .addOption(new Option('--backend <name>', 'TF.js backend').choices(['auto', 'wasm', 'cpu']).default('auto'))
    .action(async (o: Record<string, unknown>, cmd: Command) => {
      await initBackend(o.backend as BackendPreference);
      io.stderr.write(`${describeBackend()}\n`);
      setSeed(o.seed as number);
      const data = await loadGestureData(o.data as string[], imuDataOptions(o));
      const counts = data.labels.map((l) => `${l} ${data.segments.filter((s) => s.label === l).length}`).join(', ');
      io.stderr.write(`data: ${data.segments.length} segments (${counts}), ${data.channels} axes at ${data.sampleRate} Hz from ${data.files.length} file(s)\n`);
      const trained = await trainGestureModel(data, data.segments, {
        ...(o.window !== undefined ? { window: o.window as number } : {}),
        preTrigger: o.preTrigger as number,
        threshold: o.threshold as number,
        length: o.length as number,
        epochs: o.epochs as number,
        augment: o.augment as number,
        seed: o.seed as number,
        progress: io.stderr,
      });
      const { result, model } = trained;
      const validation = result.history.valAccuracy?.[result.bestEpoch - 1];
      const line = invokedAs(cmd);
      await saveGestureModel(o.out as string, model, {
        dataset: { fingerprint: await fingerprintFiles([...new Set(data.segments.map((s) => s.file))]), files: data.files.length, segments: data.segments.length, labels: counts },
        training: { ...trained.options, command: line, epochsRun: result.epochs, bestEpoch: result.bestEpoch, seconds: result.seconds, windows: trained.windows },
        command: line,
        metrics: validation === undefined ? [] : [{ metric: 'validation accuracy (15% of the windows, held out)', value: validation }],
        results: { validationAccuracy: validation },
      });
      io.stdout.write(
        `trained on ${trained.windows} windows (+${trained.options.augment}x augmented) in ${result.seconds.toFixed(1)} s, best epoch ${result.bestEpoch}` +
          `${validation === undefined ? '' : `, validation accuracy ${(100 * validation).toFixed(1)} %`}; ${model.network.countParams()} weights; saved ${o.out as string}\n`,
      );
    });
  return command;
}
