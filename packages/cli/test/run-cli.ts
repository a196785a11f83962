import { capturedOutput } from '@sensorkit/io';
import { runCli } from '../src/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(...argv: string[]): Promise<CliRun> {
  const output = capturedOutput();
  const code = await runCli(argv, output);
  return { code, ...output.text() };
}

/** Parses CSV rows printed by `features` into a header and numbers. */
export function parseRows(csv: string): { header: string[]; rows: number[][] } {
  const [head, ...lines] = csv.trim().split('\n');
  return { header: head!.split(','), rows: lines.map((l) => l.split(',').map(Number)) };
}
