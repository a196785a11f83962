import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '@sensorkit/dsp';
import { writeAtomic } from '../model-folder/file-handler.js';
import type { Int8Footprint } from './footprint.js';
import { INT8_DIR } from './int8-model-file.js';
import type { CalibrationRecord } from './int8-model.js';

export const INT8_REPORT_JSON = 'report.json';

/** What `sensorkit quantize` measured: the float and int8 model on the same test data, and the board cost. */
export interface Int8Report {
  /** 'accuracy' for classifiers, 'auc' for anomaly models */
  metric: 'accuracy' | 'auc';
  float: number;
  int8: number;
  /** test samples (windows, clips) both were scored on */
  samples: number;
  /** more measured numbers by name, e.g. { 'false alarms': { float: 0.01, int8: 0.012 } } */
  extra?: Record<string, { float?: number; int8: number }>;
  calibration: CalibrationRecord;
  footprint: Int8Footprint;
  /** Cortex-M4 bytes when measured (sensorkit export --size) */
  cortexM4?: { runtimeBytes: number; modelBytes: number };
  /** the command line that measured it */
  command: string;
  createdAt: string;
}

/** Writes `<dir>/int8/report.json`. */
export async function saveInt8Report(dir: string, report: Int8Report): Promise<void> {
  await writeAtomic(join(dir, INT8_DIR, INT8_REPORT_JSON), `${JSON.stringify(report, null, 2)}\n`);
}

/** Reads `<dir>/int8/report.json`, or undefined when the model was never quantized. */
export async function loadInt8Report(dir: string): Promise<Int8Report | undefined> {
  const path = join(dir, INT8_DIR, INT8_REPORT_JSON);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw new InputError('loadInt8Report', `${path}: ${(error as Error).message}`);
  }
  let report: Partial<Int8Report>;
  try {
    report = JSON.parse(text) as Partial<Int8Report>;
  } catch (error) {
    throw new InputError('loadInt8Report', `${path}: ${(error as Error).message}`);
  }
  const extraOk = Object.values(report.extra ?? {}).every((v) => typeof v === 'object' && v !== null && typeof v.int8 === 'number');
  if ((report.metric !== 'accuracy' && report.metric !== 'auc') || typeof report.float !== 'number' || typeof report.int8 !== 'number' || typeof report.footprint !== 'object' || !extraOk) {
    throw new InputError('loadInt8Report', `${path}: not an int8 report of this kit (metric, float, int8, footprint, extra); run sensorkit quantize again`);
  }
  return report as Int8Report;
}

/** The model card's int8 section: its heading and Markdown body. */
export function int8CardSection(report: Int8Report): { heading: string; body: string } {
  const f = report.footprint;
  const metric = report.metric === 'auc' ? 'AUC' : 'accuracy';
  const lines = [
    `| | float | int8 |`,
    `| --- | --- | --- |`,
    `| ${metric} (${report.samples} test samples) | ${report.float.toFixed(4)} | ${report.int8.toFixed(4)} |`,
    ...Object.entries(report.extra ?? {}).map(([name, v]) => `| ${name} | ${v.float === undefined ? '' : v.float.toFixed(4)} | ${v.int8.toFixed(4)} |`),
    '',
    `- **weights**: ${f.weightBytes} bytes int8 (${f.parameters} parameters), plus ${f.quantizationBytes} bytes of biases, requantization and tables`,
    `- **arena**: ${f.arenaBytes} bytes of RAM for activations`,
    ...(report.cortexM4 ? [`- **Cortex-M4** (arm-none-eabi-gcc -O2): runtime code ${report.cortexM4.runtimeBytes} bytes, model constants ${report.cortexM4.modelBytes} bytes`] : []),
    `- **calibration**: ${report.calibration.method}${report.calibration.percentile ? ` ${report.calibration.percentile}` : ''} on ${report.calibration.samples} samples`,
    '',
    `Measured with:\n\n\`\`\`sh\n${report.command}\n\`\`\``,
  ];
  return { heading: 'int8 (microcontroller)', body: lines.join('\n') };
}

/**
 * Replaces (or appends) the int8 section of a model card's Markdown, leaving every other section as it was.
 * @example
 * await writeFile(card, withInt8Section(await readFile(card, 'utf8'), report));
 */
export function withInt8Section(card: string, report: Int8Report): string {
  const { heading, body } = int8CardSection(report);
  const title = `## ${heading}`;
  const start = card.indexOf(`\n${title}\n`);
  const section = `${title}\n\n${body}\n`;
  if (start < 0) return `${card.trimEnd()}\n\n${section}`;
  const next = card.indexOf('\n## ', start + title.length + 1);
  return `${card.slice(0, start + 1)}${section}${next < 0 ? '' : `\n${card.slice(next + 1)}`}`;
}
