import { CommanderError, type Command } from 'commander';
import { InputError, ParameterError } from '@sensorkit/dsp';
import { capturedOutput } from '@sensorkit/io';
import type { CommandIo } from '../command-options.js';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one command builder in-process with captured output, with the exit codes of the sensorkit CLI:
 * 0 done, 1 bad data or file, 2 usage error.
 */
export async function runCommand(build: (io: CommandIo) => Command, ...argv: string[]): Promise<CommandRun> {
  const output = capturedOutput();
  const { stdout, stderr } = output;
  const command = build({ stdout, stderr })
    .exitOverride()
    .configureOutput({ writeOut: (s) => void stdout.write(s), writeErr: (s) => void stderr.write(s) });
  let code = 0;
  try {
    await command.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
    else if (error instanceof ParameterError) code = 2;
    else if (error instanceof InputError || (error instanceof Error && error.name === 'FormatError')) code = 1;
    else throw error;
    if (!(error instanceof CommanderError)) stderr.write(`sensorkit: ${(error as Error).message}\n`);
  }
  return { code, ...output.text() };
}
