import { formatMarkdownTable, type TableRow } from './format-table.js';
import { int8CardSection, type Int8Report } from './quantize/int8-report.js';

export interface ModelCardOptions {
  title: string;
  /** one paragraph: what the model does, on what input */
  summary: string;
  /** the measured numbers, one row each (rendered as a table) */
  metrics: readonly TableRow[];
  /** the command that measured them, so anyone can re-run it */
  command: string;
  /** more sections: heading -> Markdown text, or key -> value pairs rendered as a list */
  details?: Record<string, string | Record<string, string | number | boolean>>;
  /** decimals in the metrics table (default 4) */
  digits?: number;
  /** the int8 model's metrics and footprint (loadInt8Report(dir)), rendered as the last section */
  int8?: Int8Report;
}

/**
 * A model card (README.md of a model folder) in Markdown: title, summary, metrics table, the command
 * that measured them, and detail sections.
 * @example
 * renderModelCard({ title: 'Bearing anomaly detector', summary: '...', metrics: [{ fault: 'outer-race', auc: 0.999 }],
 *   command: 'pnpm sensorkit anomaly eval --model models/anomaly ...', details: { Training: { epochs: 40, seed: 1 } } });
 */
export function renderModelCard(options: ModelCardOptions): string {
  const parts = [`# ${options.title}`, options.summary.trim(), '## Metrics'];
  parts.push(options.metrics.length > 0 ? formatMarkdownTable(options.metrics, { digits: options.digits ?? 4 }) : '(none measured)');
  parts.push(`Measured with:\n\n\`\`\`sh\n${options.command.trim()}\n\`\`\``);
  for (const [heading, body] of Object.entries(options.details ?? {})) {
    parts.push(`## ${heading}`);
    parts.push(
      typeof body === 'string'
        ? body.trim()
        : Object.entries(body)
            .map(([key, value]) => `- **${key}**: ${String(value)}`)
            .join('\n'),
    );
  }
  if (options.int8) {
    const { heading, body } = int8CardSection(options.int8);
    parts.push(`## ${heading}`, body);
  }
  return `${parts.join('\n\n')}\n`;
}
