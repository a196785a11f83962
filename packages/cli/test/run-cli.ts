import { PassThrough } from 'node:stream';
import { runCli } from '../src/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(...argv: string[]): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const code = await runCli(argv, { stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

/** Parses CSV rows printed by `features` into a header and numbers. */
export function parseRows(csv: string): { header: string[]; rows: number[][] } {
  const [head, ...lines] = csv.trim().split('\n');
  return { header: head!.split(','), rows: lines.map((l) => l.split(',').map(Number)) };
}
