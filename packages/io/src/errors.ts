/**
 * A file whose contents do not match its format: names the file, where the problem is (a byte offset
 * for binary files, a line and column for text) and what was expected. Kept distinct from
 * ParameterError (a wrong option) so a CLI can tell "your file is broken" from "your flags are wrong".
 *
 * @example
 * throw new FormatError('clip.wav', 'WAV: unsupported format 3 (IEEE float) with 24 bits; expected ...', { offset: 20 });
 * // clip.wav: WAV: unsupported format 3 (IEEE float) with 24 bits; expected ... (at byte 20)
 */
export class FormatError extends Error {
  override readonly name = 'FormatError';
  /** byte offset in the file where the problem was found, for binary formats */
  readonly offset: number | undefined;
  /** 1-based line number, for text formats */
  readonly line: number | undefined;
  constructor(
    readonly file: string,
    readonly problem: string,
    where: { offset?: number; line?: number } = {},
  ) {
    // Text formats use the compiler style `file:line: problem` that editors and terminals link to.
    const head = where.line !== undefined ? `${file}:${where.line}` : file;
    const tail = where.offset !== undefined ? ` (at byte ${where.offset})` : '';
    super(`${head}: ${problem}${tail}`);
    this.offset = where.offset;
    this.line = where.line;
  }
}

/**
 * Receives a problem a reader chose to work around (a WAV header that was never patched, a file that
 * ends early) instead of failing. The default sends it to `process.emitWarning`, so it is never silent.
 */
export type WarningHandler = (message: string) => void;

/** The default warning handler: a Node process warning named after the reader. */
export function emitIoWarning(message: string): void {
  process.emitWarning(message, 'SensorkitIoWarning');
}
