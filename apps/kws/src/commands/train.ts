import { Command, Option } from 'commander';
import { describeBackend, formatTable, initBackend, setSeed, type BackendPreference } from '@sensorkit/ml';
import { readKeywordDataset } from '../data/read-dataset.js';
import { KWS_PRESETS } from '../features/front-end.js';
import { saveKwsModel } from '../model/kws-model.js';
import { trainKws } from '../model/train-kws.js';
import type { CommandIo } from './command-io.js';
import { numberIn } from './parse-options.js';

/**
 * `sensorkit kws train --data <dir> --out <model dir>`: trains the keyword network on a `kws generate`
 * dataset (train voices; early stopping on the validation voices) and writes the model folder.
 * Run `kws eval` next: it measures the held-out voices and writes the numbers into the model card.
 * @example
 * sensorkit kws train --data datasets/generated/kws --out models/kws-commands
 */
export function trainCommand(io: CommandIo): Command {
  return new Command('train')
    .description('train a keyword model (DS-CNN over MFCC or log-mel) on a kws generate dataset and save it as a model folder')
    .requiredOption('-d, --data <dir>', 'dataset folder written by kws generate')
    .requiredOption('-o, --out <dir>', 'model folder to write')
    .addOption(new Option('--preset <name>', 'feature front end').choices([...KWS_PRESETS]).default('mlperf-kws'))
    .option('--epochs <n>', 'most epochs (early stopping may end sooner)', numberIn('--epochs', 1, 10000, true), 40)
    .option('--batch-size <n>', 'clips per gradient step', numberIn('--batch-size', 1, 4096, true), 128)
    .option('--learning-rate <rate>', 'Adam learning rate', numberIn('--learning-rate', 1e-6, 1), 0.003)
    .option('--patience <n>', 'epochs without a better validation loss before stopping', numberIn('--patience', 1, 1000, true), 5)
    .option('--channels <n>', 'channels of every convolution', numberIn('--channels', 1, 512, true), 64)
    .option('--blocks <n>', 'depthwise-separable blocks', numberIn('--blocks', 0, 16, true), 4)
    .option('--augment <n>', 'SpecAugment-style copies of each training window (time shift, time and coefficient masks)', numberIn('--augment', 0, 16, true), 0)
    .option('--no-class-weights', 'do not weight the loss to balance the classes')
    .option('--seed <n>', 'seed of initialisation and shuffling', numberIn('--seed', 0, 0xffffffff, true), 1)
    .addOption(new Option('--backend <name>', 'TF.js backend').choices(['auto', 'wasm', 'cpu']).default('auto'))
    .action(async (o: Record<string, unknown>) => {
      await initBackend(o.backend as BackendPreference);
      io.stderr.write(`sensorkit: ${describeBackend()}\n`);
      setSeed(o.seed as number);
      const data = await readKeywordDataset(o.data as string);
      const trained = await trainKws(data, {
        preset: o.preset as string,
        epochs: o.epochs as number,
        batchSize: o.batchSize as number,
        learningRate: o.learningRate as number,
        patience: o.patience as number,
        seed: o.seed as number,
        classWeights: o.classWeights !== false,
        augment: o.augment as number,
        network: { channels: o.channels as number, blocks: o.blocks as number },
        progress: io.stderr as unknown as NodeJS.WritableStream,
      });
      // Every setting spelled out, so the line reproduces the model even if defaults change.
      const line =
        `sensorkit kws train --data ${o.data as string} --out ${o.out as string} --preset ${o.preset as string} --epochs ${o.epochs as number}` +
        ` --batch-size ${o.batchSize as number} --learning-rate ${o.learningRate as number} --patience ${o.patience as number}` +
        ` --channels ${o.channels as number} --blocks ${o.blocks as number} --augment ${o.augment as number}${o.classWeights === false ? ' --no-class-weights' : ''} --seed ${o.seed as number}`;
      await saveKwsModel(o.out as string, trained.kws, {
        training: { ...trained.config, clips: trained.clips, command: line },
        dataset: { fingerprint: trained.fingerprint, files: trained.clips.train + trained.clips.validation, dir: data.dir, labels: data.labels },
      });
      const best = trained.result.bestEpoch - 1;
      io.stdout.write(
        `${formatTable([
          { what: 'model folder', value: o.out as string },
          { what: 'labels', value: data.labels.join(' ') },
          { what: 'clips (train / validation voices)', value: `${trained.clips.train} / ${trained.clips.validation}` },
          { what: 'parameters', value: trained.config.parameters as number },
          { what: 'epochs run (best)', value: `${trained.result.epochs} (${trained.result.bestEpoch})` },
          { what: 'validation accuracy (best epoch)', value: trained.result.history.valAccuracy?.[best] ?? '' },
          { what: 'training time, s', value: Math.round(trained.result.seconds) },
        ])}\n` + `next: sensorkit kws eval --model ${o.out as string} --data ${o.data as string}\n`,
      );
    });
}
