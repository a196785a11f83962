import { formatTable, type TableRow } from '@sensorkit/ml';
import type { KwsManifest } from './kws-manifest.js';
import { SPLITS, type Split } from './splits.js';

/** Counts of a generated (or read) dataset: clips per label and split, voices and speakers per split. */
export interface DatasetSummary {
  readonly clips: number;
  readonly labels: readonly string[];
  readonly clipsPerLabel: Readonly<Record<string, Readonly<Record<Split, number>>>>;
  readonly voicesPerSplit: Readonly<Record<Split, number>>;
  readonly speakersPerSplit: Readonly<Record<Split, number>>;
  /** wall-clock seconds the generation took */
  readonly seconds: number;
}

/** Counts the clips of a manifest by label and split. */
export function summarizeClips(manifest: KwsManifest, seconds: number): DatasetSummary {
  const labels = manifest.kws.labels;
  const clipsPerLabel = Object.fromEntries(labels.map((l) => [l, { train: 0, validation: 0, test: 0 }])) as Record<string, Record<Split, number>>;
  const voices = { train: new Set<string>(), validation: new Set<string>(), test: new Set<string>() };
  const speakers = { train: new Set<string>(), validation: new Set<string>(), test: new Set<string>() };
  for (const s of manifest.samples) {
    clipsPerLabel[s.label]![s.split]++;
    if (s.voice !== null) voices[s.split].add(s.voice);
    if (s.speaker !== null) speakers[s.split].add(s.speaker);
  }
  const size = (sets: Record<Split, Set<string>>): Record<Split, number> => ({ train: sets.train.size, validation: sets.validation.size, test: sets.test.size });
  return { clips: manifest.samples.length, labels, clipsPerLabel, voicesPerSplit: size(voices), speakersPerSplit: size(speakers), seconds };
}

/**
 * The summary as text: a table of clips per label and split, then voices and speakers per split and time.
 * @example
 * io.stdout.write(`${formatSummary(summary)}\n`);
 */
export function formatSummary(summary: DatasetSummary): string {
  const rows: TableRow[] = summary.labels.map((label) => ({ label, ...summary.clipsPerLabel[label]!, total: SPLITS.reduce((n, s) => n + summary.clipsPerLabel[label]![s], 0) }));
  const total = (split: Split): number => summary.labels.reduce((n, l) => n + summary.clipsPerLabel[l]![split], 0);
  rows.push({ label: 'all', train: total('train'), validation: total('validation'), test: total('test'), total: summary.clips });
  rows.push({ label: 'voices', ...summary.voicesPerSplit, total: SPLITS.reduce((n, s) => n + summary.voicesPerSplit[s], 0) });
  rows.push({ label: 'speakers', ...summary.speakersPerSplit, total: SPLITS.reduce((n, s) => n + summary.speakersPerSplit[s], 0) });
  return `${formatTable(rows, { columns: ['label', ...SPLITS, 'total'] })}\n${summary.clips} clips in ${summary.seconds.toFixed(1)} s`;
}
