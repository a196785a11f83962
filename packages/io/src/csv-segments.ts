import { InputError } from '@sensorkit/dsp';
import type { CsvSeparator } from './csv-records.js';
import { formatCsvRow } from './csv-writer.js';

/**
 * The Arduino capture layout as text: a header of column names, then each segment's readings one per
 * line, segments separated by a blank line (what readCsv splits back into segments).
 * @param segments interleaved readings, `columns.length` values per line
 * @param digits significant digits; default the fewest that read back to the same float32
 * @example
 * formatSegmentedCsv(['aX', 'aY'], [Float32Array.of(0.1, 0.2), Float32Array.of(0.3, 0.4)]); // 'aX,aY\n0.1,0.2\n\n0.3,0.4\n'
 */
export function formatSegmentedCsv(columns: readonly string[], segments: readonly Float32Array[], digits?: number, separator: CsvSeparator = ','): string {
  const channels = columns.length;
  const parts: string[] = [formatCsvRow(columns, separator)];
  segments.forEach((segment, s) => {
    if (segment.length === 0 || segment.length % channels !== 0) {
      throw new InputError('formatSegmentedCsv', `segment ${s} has ${segment.length} values; expected a positive multiple of ${channels} (${columns.join(', ')})`);
    }
    if (s > 0) parts.push('');
    const row: number[] = new Array<number>(channels);
    for (let at = 0; at < segment.length; at += channels) {
      for (let c = 0; c < channels; c++) row[c] = segment[at + c]!;
      parts.push(formatCsvRow(row, separator, digits));
    }
  });
  return `${parts.join('\n')}\n`;
}
