import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import { formatTable, type TableRow } from '@sensorkit/ml';
import type { OpenSignalOptions } from '@sensorkit/io';
import type { SimulationTruth, WindowScore } from '../contracts.js';
import { addSignalOptions, commandLine, signalOptions, type CommandIo } from '../detect/command-options.js';
import { alarmFraction, detectionTiming, faultyWindows, separation, type DetectionTiming } from '../detect/evaluate.js';
import { ModelScorer, type AnomalyModel } from '../detect/model.js';
import { loadAnomalyModel, saveAnomalyModel } from '../detect/model-folder.js';
import { chunksAtRate, openForPlan } from '../detect/signal-input.js';
import { readTruth, truthPath } from '../simulator/index.js';

/**
 * `sensorkit anomaly eval --model <dir> --normal <files...> --abnormal <files...>`: AUC and pAUC (FPR
 * <= 0.1) of abnormal against normal windows, false-alarm rate on normal windows at the stored
 * threshold, and, where a SimulationTruth (<file>.json) sits next to a file, the detection delay.
 */
export function evalCommand(io: CommandIo): Command {
  const command = new Command('eval')
    .description('evaluate a model: AUC, pAUC at FPR 0.1, false alarms on normal data, detection delay on run-to-failure recordings')
    .requiredOption('-m, --model <dir>', 'model folder written by anomaly train')
    .requiredOption('--normal <files...>', 'normal recordings not used in training')
    .requiredOption('--abnormal <files...>', 'faulty recordings (with <file>.json ground truth, windows before the fault onset are left out of the AUC)');
  addSignalOptions(command)
    .option('--json', 'print the results as one JSON object')
    .option('--save', 'write the results into the model folder (metadata metrics and the model card)')
    .action(async (options: Record<string, unknown>, cmd: Command) => {
      await runEval(io, options, commandLine('sensorkit anomaly eval', cmd));
    });
  return command;
}

interface ScoredFile {
  file: string;
  windows: WindowScore[];
  truth: SimulationTruth | undefined;
}

async function runEval(io: CommandIo, o: Record<string, unknown>, line: string): Promise<void> {
  const model = await loadAnomalyModel(o.model as string);
  const openOptions = signalOptions(o);
  const normal: ScoredFile[] = [];
  for (const file of o.normal as string[]) normal.push(await scoreFile(model, file, openOptions));
  const abnormal: ScoredFile[] = [];
  for (const file of o.abnormal as string[]) abnormal.push(await scoreFile(model, file, openOptions));
  const normalScores = normal.flatMap((f) => f.windows.map((w) => w.score));
  const normalWindows = normal.flatMap((f) => f.windows);
  const falseAlarmRate = alarmFraction(normalScores, model.threshold);
  const alarmStateRate = normalWindows.filter((w) => w.state === 'alarm').length / Math.max(1, normalWindows.length);
  const perFile = abnormal.map((f) => fileResult(f, normalScores, model));
  const allFaulty = abnormal.flatMap((f) => faultyWindows(f.windows, f.truth).map((w) => w.score));
  const overall = separation(normalScores, allFaulty, model.threshold);
  const results = {
    model: o.model as string,
    detector: model.detector.kind,
    threshold: model.threshold,
    requestedFpr: model.fpr,
    expectedFpr: model.training.expectedFpr,
    normal: { files: normal.length, windows: normalScores.length, falseAlarmRate, alarmStateRate },
    abnormal: perFile,
    overall: { windows: allFaulty.length, ...overall },
  };
  if (o.json === true) {
    io.stdout.write(`${JSON.stringify(results)}\n`);
  } else {
    io.stdout.write(
      `${model.detector.kind} model, threshold ${model.threshold.toPrecision(5)}: false alarms on ${normalScores.length} normal windows ` +
        `${pct(falseAlarmRate)} (requested ${pct(model.fpr)}, expected ${pct(model.training.expectedFpr)} from ${model.training.split.heldOut} held-out windows); ` +
        `time in alarm state ${pct(alarmStateRate)}\n`,
    );
    io.stdout.write(`${formatTable(tableRows(perFile, results.overall))}\n`);
  }
  if (o.save === true) {
    await saveAnomalyModel(o.model as string, model, { rows: tableRows(perFile, results.overall), command: line, metrics: results });
    io.stderr.write(`sensorkit: saved the results in ${o.model as string}\n`);
  }
}

async function scoreFile(model: AnomalyModel, file: string, options: OpenSignalOptions): Promise<ScoredFile> {
  const { info, chunks } = await openForPlan(file, model.features, options);
  const scorer = new ModelScorer(model, basename(file));
  const windows: WindowScore[] = [];
  for await (const chunk of chunksAtRate(file, chunks, info, model.features.sampleRate)) windows.push(...scorer.push(chunk).windows);
  const truth = (await exists(truthPath(file))) ? await readTruth(file) : undefined;
  return { file, windows, truth };
}

interface FileResult {
  file: string;
  fault: string;
  /** windows counted as abnormal (after the fault onset, when known) */
  windows: number;
  auc: number;
  pauc: number;
  detectionRate: number;
  timing?: DetectionTiming;
}

function fileResult(f: ScoredFile, normalScores: number[], model: AnomalyModel): FileResult {
  const faulty = faultyWindows(f.windows, f.truth).map((w) => w.score);
  const s = faulty.length > 0 && normalScores.length > 0 ? separation(normalScores, faulty, model.threshold) : { auc: Number.NaN, pauc: Number.NaN, detectionRate: Number.NaN };
  const timing = detectionTiming(f.windows, f.truth, model.features.length / model.features.sampleRate);
  return {
    file: f.file,
    fault: f.truth?.fault ?? '',
    windows: faulty.length,
    auc: s.auc,
    pauc: s.pauc,
    detectionRate: s.detectionRate,
    ...(timing ? { timing } : {}),
  };
}

function tableRows(perFile: FileResult[], overall: { windows: number; auc: number; pauc: number; detectionRate: number }): TableRow[] {
  const rows: TableRow[] = perFile.map(({ timing, ...row }) => ({
    ...row,
    'delay s': timing?.delay,
    'before failure': timing ? (timing.beforeFailure ? 'yes' : 'no') : undefined,
  }));
  rows.push({ file: 'all abnormal', windows: overall.windows, auc: overall.auc, pauc: overall.pauc, detectionRate: overall.detectionRate });
  return rows;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(2)} %`;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
