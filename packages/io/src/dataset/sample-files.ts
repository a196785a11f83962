import { ParameterError } from '@sensorkit/dsp';
import type { SampleFileFormat } from './manifest.js';

/*
 * Names of sample files inside a dataset: `<label>/<label>.<n>.<ext>`, n counting from 1 per label.
 * The label becomes a folder name, so it is checked to be one on every operating system.
 */

// Letters, digits, '_', '-', '.', ' ' (not first), up to 64 characters: a safe folder name everywhere.
const LABEL = /^[\p{L}\p{N}_][\p{L}\p{N}_. -]{0,63}$/u;

/** Checks that `label` can name a folder and a file; throws a ParameterError otherwise. */
export function requireLabel(block: string, label: unknown): string {
  if (typeof label !== 'string' || !LABEL.test(label) || label.endsWith('.') || label.endsWith(' ')) {
    throw new ParameterError(block, 'label', label, "1 to 64 letters, digits, '_', '-', '.' or spaces, starting with a letter, digit or '_' and not ending in '.' or a space");
  }
  return label;
}

/** `<label>/<label>.<n>.<ext>`: the manifest path of sample number `n` (1-based) of a label. */
export function sampleFilePath(label: string, n: number, format: SampleFileFormat): string {
  return `${label}/${label}.${n}.${format}`;
}

/** The sample number in a file name `<label>.<n>.<ext>` (a basename or a manifest path); undefined if it is not one. */
export function sampleNumber(file: string, label: string): number | undefined {
  const base = file.slice(file.lastIndexOf('/') + 1);
  if (!base.startsWith(`${label}.`)) return undefined;
  const m = /^(\d+)\.(wav|csv)$/.exec(base.slice(label.length + 1));
  return m ? Number(m[1]) : undefined;
}
