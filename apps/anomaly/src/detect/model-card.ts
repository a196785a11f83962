import { renderModelCard, type Int8Report, type TableRow } from '@sensorkit/ml';
import type { AnomalyModel } from './model.js';

/** Evaluation numbers a card can carry, one row per abnormal set (see evaluate.ts). */
export interface CardEvaluation {
  rows: TableRow[];
  command: string;
}

/** The model card (README.md of the model folder): what it is, measured numbers, how they were measured. */
export function anomalyModelCard(model: AnomalyModel, evaluation?: CardEvaluation, int8?: Int8Report): string {
  const { features: plan, training } = model;
  const o = plan.description.options;
  const heldOutRows: TableRow[] = [
    { metric: 'held-out normal windows', value: training.split.heldOut },
    { metric: 'threshold (score)', value: model.threshold },
    { metric: 'requested false-alarm rate', value: model.fpr },
    { metric: 'expected false-alarm rate (held-out count)', value: training.expectedFpr },
    { metric: 'held-out score median', value: training.heldOut.median },
    { metric: 'held-out score p99', value: training.heldOut.p99 },
    ...training.selection.map((s) => ({ metric: `deviation AUC, ${s.kind}`, value: s.deviationAuc })),
  ];
  const summary =
    `Vibration anomaly detector (${model.detector.kind}) trained on normal recordings only. ` +
    `Input: ${o.channels} ax${o.channels === 1 ? 'is' : 'es'} at ${o.sampleRate} Hz (other rates are resampled), ` +
    `windows of ${o.window} s every ${o.hop} s, ${plan.outputLength} features per window. ` +
    `A window is anomalous when its score exceeds ${fmt(model.threshold)}, the ${fmt(100 * (1 - model.fpr))} % quantile ` +
    `of held-out normal scores; health = EMA(score, ${model.health.timeConstant} s) / threshold.`;
  return renderModelCard({
    ...(int8 ? { int8 } : {}),
    title: `Anomaly model: ${model.detector.kind}`,
    summary,
    metrics: evaluation ? evaluation.rows : heldOutRows,
    command: evaluation ? evaluation.command : (training.command ?? '(trained from the library, not a command)'),
    details: {
      ...(evaluation ? { 'Training numbers': heldOutTable(heldOutRows) } : {}),
      Training: {
        command: training.command ?? '(library)',
        detector: `${model.detector.kind}${training.detector === 'auto' ? ' (auto: highest deviation AUC)' : ''}`,
        'training windows': training.split.train,
        'held-out windows': training.split.heldOut,
        'purged (overlapping) windows': training.split.purged,
        seed: training.seed,
        backend: training.backend,
        'data fingerprint (SHA-256)': training.fingerprint,
      },
      Inputs: training.inputs.map((i) => `- ${i.file}: ${i.sampleRate} Hz, ${i.channels} ch, ${fmt(i.seconds)} s, ${i.windows} windows`).join('\n'),
      Features: {
        window: `${o.window} s (${plan.length} samples)`,
        hop: `${o.hop} s (${plan.hop} samples)`,
        'per axis': plan.axisNames.join(', '),
        ...(o.bearing ? { bearing: JSON.stringify(o.bearing), 'shaft speed': `${o.shaftHz} Hz`, 'envelope band': `${o.envelopeBand?.join('-')} Hz` } : {}),
      },
      Health: Object.fromEntries(Object.entries(model.health).map(([k, v]) => [k, v])),
    },
  });
}

function heldOutTable(rows: TableRow[]): string {
  return rows.map((r) => `- ${String(r.metric)}: ${typeof r.value === 'number' ? fmt(r.value) : String(r.value)}`).join('\n');
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(4)));
}
