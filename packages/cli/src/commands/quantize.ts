import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { InputError, ParameterError } from '@sensorkit/dsp';
import {
  CARD_MD, formatTable, initBackend, int8Footprint, loadModelFolder, quantizeModel, saveInt8Model, saveInt8Report,
  makeTestVectors, saveTestVectors, withInt8Section, type CalibrationOptions, type Int8Report,
} from '@sensorkit/ml';
import type { CliIo } from '../cli-io.js';
import { anomalyQuantizeData } from './quantize/anomaly-data.js';
import { compareAnomalyScores, compareClassifier, type Int8Comparison } from './quantize/evaluate-int8.js';
import { classifierQuantizeData, requirePaths } from './quantize/classifier-data.js';
import { spread } from './quantize/samples-file.js';

const ANOMALY_KIND = 'anomaly-detector';

/**
 * `sensorkit quantize --model <dir> [--calibration <data...>]`: post-training int8 quantization of a model
 * folder's network into `<dir>/int8/model.json`, with float vs int8 metrics on test data written to
 * `<dir>/int8/report.json` and the model card's int8 section.
 */
export function quantizeCommand(io: CliIo): Command {
  return new Command('quantize')
    .description('quantize a model folder to int8 (TFLite scheme) and compare float vs int8 on test data')
    .requiredOption('-m, --model <dir>', 'model folder with a TF.js network (model.json)')
    .option('--calibration <data...>', 'representative inputs (training data): anomaly: normal recordings (default: the training recordings); gesture: recordings; keyword: dataset folders (train split); other models: samples files (JSON lines {"input": [...]})')
    .option('--test <data...>', 'classifiers: labelled test data (gesture recordings, keyword dataset folders (test split), or samples files with "label")')
    .option('--normal <files...>', 'anomaly models: normal recordings not used in training (with --abnormal: AUC)')
    .option('--abnormal <files...>', 'anomaly models: faulty recordings')
    .addOption(new Option('--method <method>', 'activation range calibration').choices(['minmax', 'percentile']).default('minmax'))
    .option('--percentile <p>', 'with --method percentile: keep values between the (100-p)th and pth percentile', '99.99')
    .option('--max-calibration <n>', 'calibrate on at most this many samples, evenly spread', '1000')
    .option('--save-test-vectors', 'also write the quantized test inputs and the int8 outputs (int8/test-*.bin) for sensorkit export --check')
    .option('--json', 'print the report as one JSON object')
    .action(async (o: Record<string, unknown>, cmd: Command) => {
      await runQuantize(io, o, quantizeLine(o, cmd));
    });
}

/** The command as given, for the report and the model card (only options set on the command line). */
function quantizeLine(o: Record<string, unknown>, cmd: Command): string {
  const parts = ['sensorkit quantize'];
  for (const [key, flag] of [['model', '--model'], ['calibration', '--calibration'], ['test', '--test'], ['normal', '--normal'], ['abnormal', '--abnormal'], ['method', '--method'], ['percentile', '--percentile'], ['maxCalibration', '--max-calibration']] as const) {
    if (cmd.getOptionValueSource(key) === 'cli') parts.push(flag, ...[o[key]].flat().map(String));
  }
  return parts.join(' ');
}

function positiveInteger(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new ParameterError('quantize', name, text, 'a positive integer');
  return n;
}

async function runQuantize(io: CliIo, o: Record<string, unknown>, line: string): Promise<void> {
  const dir = o.model as string;
  const maxCalibration = positiveInteger('--max-calibration', o.maxCalibration as string);
  const percentile = Number(o.percentile);
  if (!(percentile > 50 && percentile <= 100)) throw new ParameterError('quantize', '--percentile', o.percentile, 'a number in (50, 100]');
  const calibrationOptions: CalibrationOptions = { method: o.method as 'minmax' | 'percentile', percentile };
  if (Boolean(o.normal) !== Boolean(o.abnormal)) throw new ParameterError('quantize', o.normal ? '--abnormal' : '--normal', undefined, 'both --normal and --abnormal (recordings) to measure AUC');
  await initBackend();
  const { metadata } = await loadModelFolder(dir);

  let result: { int8: ReturnType<typeof quantizeModel>; comparison?: Int8Comparison; testInputs?: Float32Array[] };
  if (metadata.kind === ANOMALY_KIND) {
    if (o.test) throw new ParameterError('quantize', '--test', o.test, '--normal and --abnormal recordings for an anomaly model');
    const data = await anomalyQuantizeData(dir);
    const files = (o.calibration as string[] | undefined) ?? (await data.trainingFiles());
    if (files.length === 0) throw new InputError('quantize', `${dir}: none of the training recordings is where it was; give --calibration <normal recordings>`);
    const calibration = spread(await data.rowsOf(files), maxCalibration);
    const int8 = quantizeModel(data.network, calibration, calibrationOptions);
    if (!o.normal) return finish(io, dir, o, line, { int8, calibrationCount: calibration.length });
    const normal = await data.rowsOf(o.normal as string[]);
    const abnormal = await data.rowsOf(o.abnormal as string[]);
    const comparison = compareAnomalyScores(
      { float: data.floatScores(normal), int8: data.int8Scores(int8, normal) },
      { float: data.floatScores(abnormal), int8: data.int8Scores(int8, abnormal) },
      data.model.threshold,
    );
    result = { int8, comparison, testInputs: [...normal, ...abnormal] };
  } else {
    if (o.normal) throw new ParameterError('quantize', '--normal', o.normal, `--test <data> for a "${metadata.kind}" model`);
    const data = await classifierQuantizeData(dir, metadata.kind);
    const calibration = spread((await data.samples(requirePaths('--calibration', o.calibration, data, metadata.kind), 'calibration')).map((s) => s.input), maxCalibration);
    const int8 = quantizeModel(data.network, calibration, calibrationOptions);
    const test = o.test ? await data.samples(o.test as string[], 'test') : undefined;
    const comparison = test ? compareClassifier(data.network, int8, test, data.labels) : undefined;
    result = { int8, ...(comparison && test ? { comparison, testInputs: test.map((t) => t.input) } : {}) };
  }
  await finish(io, dir, o, line, { int8: result.int8, calibrationCount: result.int8.calibration.samples, ...(result.comparison ? { comparison: result.comparison } : {}) });
  if (o.saveTestVectors && result.testInputs) {
    await saveTestVectors(dir, makeTestVectors(result.int8, result.testInputs));
    io.stderr.write(`sensorkit: saved ${result.testInputs.length} test vectors in ${join(dir, 'int8')} (sensorkit export --check compares the C build with them)\n`);
  }
}

async function finish(
  io: CliIo,
  dir: string,
  o: Record<string, unknown>,
  line: string,
  r: { int8: ReturnType<typeof quantizeModel>; calibrationCount: number; comparison?: Int8Comparison },
): Promise<void> {
  const path = await saveInt8Model(dir, r.int8);
  const footprint = int8Footprint(r.int8);
  const summary = { model: path, ops: r.int8.ops.map((op) => op.op), calibration: r.int8.calibration, footprint };
  if (!r.comparison) {
    if (o.json) io.stdout.write(`${JSON.stringify(summary)}\n`);
    else io.stdout.write(`wrote ${path}: ${r.int8.ops.length} ops, ${footprint.weightBytes} weight bytes, arena ${footprint.arenaBytes} bytes\n`);
    io.stderr.write('sensorkit: no test data given, so no float vs int8 comparison (anomaly: --normal and --abnormal; classifiers: --test)\n');
    return;
  }
  const c = r.comparison;
  const report: Int8Report = { metric: c.metric, float: c.float, int8: c.int8, samples: c.samples, extra: c.extra, calibration: r.int8.calibration, footprint, command: line, createdAt: new Date().toISOString() };
  await saveInt8Report(dir, report);
  const card = join(dir, CARD_MD);
  await writeFile(card, withInt8Section(await readFile(card, 'utf8').catch(() => `# ${dir}\n`), report));
  if (o.json) {
    io.stdout.write(`${JSON.stringify({ ...summary, report })}\n`);
    return;
  }
  io.stdout.write(`wrote ${path}: ${r.int8.ops.length} ops (${summary.ops.join(', ')}), calibrated (${r.int8.calibration.method}) on ${r.calibrationCount} samples\n`);
  io.stdout.write(
    `${formatTable([
      { measure: `${c.metric} on ${c.samples} test samples`, float: c.float, int8: c.int8, difference: c.int8 - c.float },
      ...Object.entries(c.extra).map(([measure, v]) => ({ measure, float: v.float ?? '', int8: v.int8, difference: v.float === undefined ? '' : v.int8 - v.float })),
      { measure: 'weights + quantization bytes', float: '', int8: footprint.weightBytes + footprint.quantizationBytes, difference: '' },
      { measure: 'arena bytes', float: '', int8: footprint.arenaBytes, difference: '' },
    ])}\n`,
  );
}
