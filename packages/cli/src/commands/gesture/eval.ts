import { Command, Option } from 'commander';
import { ParameterError } from '@sensorkit/dsp';
import { classificationReportRows, confusionMatrix, describeBackend, formatTable, initBackend, reportFromConfusion, setSeed, type BackendPreference, type ConfusionMatrix } from '@sensorkit/ml';
import { assignFolds, crossValidate, foldsByFile, loadGestureData, loadGestureModel, saveGestureModel, type TrainGestureOptions } from '@sensorkit/gesture';
import type { CliIo } from '../../cli-io.js';
import { positiveInteger } from '../../parse.js';
import { invokedAs } from './command-line.js';
import { addImuDataOptions, imuDataOptions } from './data-options.js';

/**
 * `sensorkit gesture eval --model <dir> --data <...> [--kfold k | --leave-one-file-out] [--json]`: the
 * model on labelled recordings, or, with folds, a model trained per fold with the model's own settings.
 */
export function gestureEvalCommand(io: CliIo): Command {
  const command = new Command('eval')
    .description('evaluate a gesture model on labelled recordings: confusion matrix, per-class precision/recall/F1, accuracy; or cross-validate its training recipe')
    .requiredOption('-m, --model <dir>', 'model folder written by gesture train (with --kfold: the recipe to retrain per fold)')
    .requiredOption('--data <paths...>', 'labelled recordings: CSV files or folders');
  addImuDataOptions(command)
    .option('--kfold <k>', 'k-fold cross-validation: train on k-1 folds, test on the last, k times (whole persons per fold when the data names them)', positiveInteger)
    .option('--leave-one-file-out', 'cross-validation with one fold per file')
    .option('--epochs <n>', 'with folds: most epochs per fold (default: the model\'s)', positiveInteger)
    .option('--json', 'print the results as one JSON object')
    .option('--save', 'write the results into the model folder (metadata.json metrics and the model card)')
    .addOption(new Option('--backend <name>', 'TF.js backend').choices(['auto', 'wasm', 'cpu']).default('auto'))
    .action(async (o: Record<string, unknown>, cmd: Command) => {
      if (o.kfold !== undefined && o.leaveOneFileOut === true) throw new ParameterError('gesture eval', '--kfold', o.kfold, 'either --kfold or --leave-one-file-out, not both');
      if (o.kfold === 1) throw new ParameterError('gesture eval', '--kfold', 1, 'at least 2 folds');
      await initBackend(o.backend as BackendPreference);
      io.stderr.write(`${describeBackend()}\n`);
      const { model, metadata } = await loadGestureModel(o.model as string);
      const data = await loadGestureData(o.data as string[], imuDataOptions(o));
      if (data.channels !== model.config.channels) {
        throw new ParameterError('gesture eval', '--data', data.channels, `recordings with ${model.config.channels} axes, as the model takes`);
      }
      let confusion: ConfusionMatrix<string>;
      let folds: { folds: number; perFold: number[] } | undefined;
      if (o.kfold !== undefined || o.leaveOneFileOut === true) {
        const recipe = metadata.training as Partial<TrainGestureOptions>;
        const seed = recipe.seed ?? 1;
        setSeed(seed);
        const assignment = o.kfold !== undefined ? assignFolds(data.segments, o.kfold as number, seed) : foldsByFile(data.segments).folds;
        const cv = await crossValidate(data, assignment, {
          length: model.config.length,
          preTrigger: Math.min(model.config.preTrigger, 0.5 * model.config.window),
          threshold: model.config.threshold,
          ...(recipe.augment !== undefined ? { augment: recipe.augment } : {}),
          epochs: (o.epochs as number | undefined) ?? recipe.epochs ?? 40,
          seed,
          progress: false,
        });
        confusion = cv.confusion;
        folds = { folds: cv.folds, perFold: cv.perFold };
      } else {
        const unknown = data.labels.filter((l) => !model.config.labels.includes(l));
        if (unknown.length) throw new ParameterError('gesture eval', '--data', unknown.join(', '), `labels the model knows (${model.config.labels.join(', ')})`);
        const predictions = model.classifyMany(data.segments.map((s) => s.samples));
        confusion = confusionMatrix(data.segments.map((s) => s.label), predictions.map((p) => p.label), model.config.labels);
      }
      const report = reportFromConfusion(confusion);
      const results = { model: o.model, segments: data.segments.length, accuracy: report.accuracy, labels: confusion.labels, confusion: confusion.matrix, classes: report.classes, ...(folds ?? {}) };
      if (o.save === true) {
        const training = metadata.training as { command?: string };
        await saveGestureModel(o.model as string, model, {
          dataset: metadata.dataset,
          training: metadata.training,
          command: training.command ?? '(not recorded)',
          metrics: classificationReportRows(report),
          metricsCommand: invokedAs(cmd),
          results,
        });
        io.stderr.write(`sensorkit: saved the results in ${o.model as string}\n`);
      }
      model.network.dispose();
      if (o.json === true) {
        io.stdout.write(`${JSON.stringify(results)}\n`);
        return;
      }
      const how = folds ? `${folds.folds}-fold cross-validation (fold accuracies ${folds.perFold.map((a) => (100 * a).toFixed(1)).join(', ')} %)` : 'the model as saved';
      io.stdout.write(`accuracy ${(100 * report.accuracy).toFixed(1)} % on ${data.segments.length} segments, ${how}\n\n`);
      io.stdout.write(`confusion (rows: true, columns: predicted)\n${formatTable(confusion.labels.map((l, i) => ({ '': l, ...Object.fromEntries(confusion.labels.map((p, j) => [p, confusion.matrix[i]![j]!])) })))}\n\n`);
      io.stdout.write(`${formatTable(classificationReportRows(report))}\n`);
    });
  return command;
}
