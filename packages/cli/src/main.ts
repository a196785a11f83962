import { CommanderError, type Command } from 'commander';
import { InputError, ParameterError } from '@sensorkit/dsp';
import type { CliIo } from './cli-io.js';
import { createProgram } from './program.js';

/**
 * Runs the CLI; resolves to the exit code: 0 done, 1 bad data or file, 2 usage error (a bad option or
 * value), each reported in one line on stderr.
 */
export async function runCli(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const program = createProgram(io);
  prepare(program, io);
  const fail = (message: string, code: number): number => {
    io.stderr.write(`sensorkit: ${message}\n`);
    return code;
  };
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2; // commander already printed the message
    if (err instanceof ParameterError) return fail(err.message, 2);
    if (isFileError(err)) return fail(`${err.path ?? ''}: ${FILE_ERRORS[err.code ?? ''] ?? err.message}`, 1);
    if (err instanceof InputError || (err instanceof Error && err.name === 'FormatError')) return fail(err.message, 1);
    throw err;
  }
}

const FILE_ERRORS: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'is a directory' };

/** commander copies exitOverride and output settings only to subcommands made with .command(), not .addCommand(). */
function prepare(command: Command, io: CliIo): void {
  command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const sub of command.commands) prepare(sub, io);
}

function isFileError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && (err as NodeJS.ErrnoException).syscall !== undefined;
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  // A closed stdout (`sensorkit features ... | head`) ends the run quietly instead of with a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  process.exitCode = await runCli(process.argv.slice(2));
}
