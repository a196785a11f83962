import { PassThrough } from 'node:stream';

/** An in-memory stdout/stderr pair: what a command wrote, as text, for running commands in-process. */
export interface CapturedOutput {
  readonly stdout: PassThrough;
  readonly stderr: PassThrough;
  /** everything written so far */
  text(): { stdout: string; stderr: string };
}

/**
 * Two writable streams that keep what is written to them, to hand to a command's `{ stdout, stderr }`.
 * @example
 * const out = capturedOutput();
 * const code = await runCli(['info', 'take.wav'], out);
 * console.log(code, out.text().stdout);
 */
export function capturedOutput(): CapturedOutput {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  return { stdout, stderr, text: () => ({ stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }) };
}
