/** Why a line from a serial board was skipped. */
export type BadLineReason =
  /** longer than the parser's maximum line length (a missing newline, binary noise) */
  | 'overlong'
  /** a field that is not a plain decimal number: debug prints, boot noise, `nan`, a header that matched no data */
  | 'not-numeric'
  /** a comma with no value before it (`1,,2`) */
  | 'empty-field'
  /** more values than the parser's maximum axis count */
  | 'too-many-values'
  /** a line cut by a disconnect, or the first line after a (re)connect, which may have started mid-line */
  | 'cut'
  /** a value count different from the axes in force that did not persist long enough to be a new layout */
  | 'value-count';

/** Every reason, in the order summaries list them. */
export const BAD_LINE_REASONS: readonly BadLineReason[] = ['not-numeric', 'value-count', 'cut', 'empty-field', 'too-many-values', 'overlong'];

/** Skipped-line counters, one per reason. */
export type BadLineCounts = Record<BadLineReason, number>;

/** A fresh set of zeroed counters. */
export function emptyBadLineCounts(): BadLineCounts {
  return { overlong: 0, 'not-numeric': 0, 'empty-field': 0, 'too-many-values': 0, cut: 0, 'value-count': 0 };
}

/** Total of all counters. */
export function totalBadLines(counts: BadLineCounts): number {
  let total = 0;
  for (const reason of BAD_LINE_REASONS) total += counts[reason];
  return total;
}

/**
 * One-line summary of the non-zero counters, e.g. `3 not-numeric, 1 cut`; 'none' when all are zero.
 * @example
 * formatBadLines({ ...emptyBadLineCounts(), cut: 1, 'not-numeric': 3 }); // '3 not-numeric, 1 cut'
 */
export function formatBadLines(counts: BadLineCounts): string {
  const parts = BAD_LINE_REASONS.filter((r) => counts[r] > 0).map((r) => `${counts[r]} ${r}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** Counter difference `now - before`, for reporting what happened since the last report. */
export function diffBadLines(now: BadLineCounts, before: BadLineCounts): BadLineCounts {
  const out = emptyBadLineCounts();
  for (const reason of BAD_LINE_REASONS) out[reason] = now[reason] - before[reason];
  return out;
}
