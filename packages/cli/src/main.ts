import { CommanderError } from 'commander';
import { InputError, ParameterError } from '@sensorkit/dsp';
import { createProgram } from './program.js';

/** Runs the CLI; resolves to the process exit code. Usage errors exit 2, bad data 1, with one clear line. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = createProgram().exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2; // commander already printed the message
    if (err instanceof ParameterError) {
      process.stderr.write(`sensorkit: ${err.message}\n`);
      return 2;
    }
    if (err instanceof InputError || isFileError(err) || (err instanceof Error && err.name === 'FormatError')) {
      process.stderr.write(`sensorkit: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

function isFileError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && (err as NodeJS.ErrnoException).syscall !== undefined;
}

// A closed stdout (`sensorkit features ... | head`) ends the run quietly instead of with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) process.exitCode = await runCli(process.argv.slice(2));
