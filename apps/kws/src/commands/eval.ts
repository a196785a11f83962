import { Command, Option } from 'commander';
import {
  classificationReportRows, describeBackend, formatMarkdownTable, formatTable, initBackend, renderModelCard, saveModelFolder,
  type BackendPreference, type TableRow,
} from '@sensorkit/ml';
import { readKeywordDataset } from '../data/read-dataset.js';
import { evaluateKws, type KwsEvaluation } from '../model/evaluate-kws.js';
import { DEFAULT_KWS_MODEL_DIR, loadKwsModel } from '../model/kws-model.js';
import type { CommandIo } from './command-io.js';
import { addListenOptions, listenOptions } from './parse-options.js';

/**
 * `sensorkit kws eval --model <dir> --data <dir> [--json]`: accuracy, per-class precision / recall / F1 and
 * the confusion matrix on the dataset's test voices; false accepts per hour on the held-out real noise
 * recording and the keywords' streamed detection rate, at the listen settings and across thresholds.
 * `--card` writes the numbers into the model folder (metadata.json metrics and the README.md model card).
 * @example
 * sensorkit kws eval --model models/kws-commands --data datasets/generated/kws --card
 */
export function evalCommand(io: CommandIo): Command {
  const command = new Command('eval')
    .description("evaluate a keyword model on a dataset's held-out (test) voices and on held-out real noise")
    .option('-m, --model <dir>', 'keyword model folder', DEFAULT_KWS_MODEL_DIR)
    .requiredOption('-d, --data <dir>', 'dataset folder written by kws generate (its test split is used)')
    .option('--json', 'print the evaluation as one JSON object')
    .option('--card', "write the results into the model folder's metadata and model card (README.md)");
  return addListenOptions(command)
    .addOption(new Option('--backend <name>', 'TF.js backend').choices(['auto', 'wasm', 'cpu']).default('auto'))
    .action(async (o: Record<string, unknown>) => {
      await initBackend(o.backend as BackendPreference);
      io.stderr.write(`sensorkit: ${describeBackend()}\n`);
      const dir = o.model as string;
      const kws = await loadKwsModel(dir);
      const data = await readKeywordDataset(o.data as string);
      const evaluation = await evaluateKws(kws, data, { listen: listenOptions(o) });
      if (o.json) io.stdout.write(`${JSON.stringify(evaluation)}\n`);
      else io.stdout.write(`${formatEvaluation(evaluation)}\n`);
      if (o.card) {
        const line = `pnpm sensorkit kws eval --model ${dir} --data ${o.data as string} --card`;
        const card = kwsModelCard(kws.labels, evaluation, { ...kws.metadata, dir }, line);
        await saveModelFolder(dir, { model: kws.model, metadata: { ...kws.metadata, metrics: summary(evaluation), evaluation: { command: line, dataset: data.dir } }, card });
        io.stderr.write(`sensorkit: wrote the results into ${dir}/metadata.json and ${dir}/README.md\n`);
      }
    });
}

/** The headline numbers kept in metadata.json. */
function summary(e: KwsEvaluation): Record<string, unknown> {
  return {
    accuracy: e.report.accuracy,
    testClips: e.clips,
    recall: Object.fromEntries(e.report.classes.map((c) => [c.label, c.recall])),
    falseAcceptsPerHour: e.noise.falseAcceptsPerHour,
    noiseSeconds: e.noise.seconds,
    operatingPoints: e.operatingPoints,
    listen: e.listen,
  };
}

function headline(e: KwsEvaluation): TableRow[] {
  const point = e.operatingPoints.find((p) => p.threshold === e.listen.threshold);
  return [
    { metric: 'accuracy on held-out voices', value: e.report.accuracy, detail: `${e.clips} clips` },
    { metric: 'macro F1', value: e.report.macro.f1, detail: '' },
    { metric: 'false accepts per hour (held-out real noise)', value: e.noise.falseAcceptsPerHour, detail: `${e.noise.falseAccepts} in ${(e.noise.seconds / 60).toFixed(1)} min (${e.noise.file.split('/').pop()} at gains ${e.noise.gains.join(', ')})` },
    { metric: 'streamed detection rate (held-out voices)', value: point?.detectionRate ?? '', detail: `threshold ${e.listen.threshold}` },
  ];
}

function confusionRows(e: KwsEvaluation): TableRow[] {
  return e.confusion.matrix.map((row, i) => ({ 'actual \\ predicted': e.confusion.labels[i], ...Object.fromEntries(row.map((n, j) => [e.confusion.labels[j]!, n])) }));
}

function operatingRows(e: KwsEvaluation): TableRow[] {
  return e.operatingPoints.map((p) => ({ threshold: p.threshold, 'detection rate': p.detectionRate, 'false accepts': p.falseAccepts, 'false accepts / hour': p.falseAcceptsPerHour }));
}

/** The evaluation as terminal tables. */
export function formatEvaluation(e: KwsEvaluation): string {
  return [
    formatTable(headline(e)),
    formatTable(classificationReportRows(e.report)),
    `confusion matrix (rows: actual, columns: predicted)\n${formatTable(confusionRows(e))}`,
    `streaming: detection rate vs false accepts (average ${e.listen.averageWindow} s, suppression ${e.listen.suppression} s, minimum ${e.listen.minimumCount} windows, stride ${e.listen.stride} s)\n${formatTable(operatingRows(e))}`,
  ].join('\n\n');
}

/** The model card: the measured numbers, how they were measured, and how the model was made. */
export function kwsModelCard(labels: readonly string[], e: KwsEvaluation, metadata: Record<string, unknown>, command: string): string {
  const training = (metadata.training ?? {}) as Record<string, unknown>;
  const targets = labels.filter((l) => !l.startsWith('_'));
  const title = targets.length === 1 ? `Wake word "${targets[0]!.replace(/_/g, ' ')}"` : `Keyword spotter: ${targets.join(', ')}`;
  return renderModelCard({
    title,
    summary:
      `A ${labels.length}-class keyword model (${labels.join(', ')}) over 1 s of 16 kHz audio: ` +
      `${String((metadata.features as { preset?: string } | undefined)?.preset ?? '')} features (49 frames), a DS-CNN with its depthwise-separable ` +
      `convolutions along time (${String(training.parameters ?? '?')} parameters with batch norm), trained on speech synthesis (kws generate). ` +
      'Every number below is measured on voices the model never heard (the dataset is split by speaker) and on a real noise recording that no training clip contains.',
    metrics: headline(e),
    command,
    details: {
      'Per class (held-out voices)': formatMarkdownTable(classificationReportRows(e.report)),
      'Confusion matrix (rows: actual, columns: predicted)': formatMarkdownTable(confusionRows(e)),
      'Detection rate vs false accepts': `Streamed through \`kws listen\`'s path (average ${e.listen.averageWindow} s, suppression ${e.listen.suppression} s, minimum ${e.listen.minimumCount} windows, stride ${e.listen.stride} s). Detection rate: the test clips of each keyword played back to back, each followed by 1 s of the held-out noise; false accepts: the held-out recording at ${e.noise.gains.length} levels (${(e.noise.seconds / 60).toFixed(1)} min in all), so a rate of 0 means none in that time, not none ever.\n\n${formatMarkdownTable(operatingRows(e))}`,
      Training: Object.fromEntries(Object.entries(training).filter(([, v]) => typeof v !== 'object').map(([k, v]) => [k, v as string | number | boolean])),
    },
  });
}
