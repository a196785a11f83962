import { spawn } from 'node:child_process';
import { InputError } from '@sensorkit/dsp';

/** The speech synthesizers the generator drives, and the Debian package that provides each program. */
export const SYNTHESIZER_PACKAGES = { 'espeak-ng': 'espeak-ng', flite: 'flite', festival: 'festival' } as const;
export type SynthesizerEngine = keyof typeof SYNTHESIZER_PACKAGES;

/** A synthesizer program is not installed: the message names the Debian package that provides it. */
export class SynthesizerMissingError extends InputError {
  constructor(readonly engine: SynthesizerEngine) {
    super('kws generate', `${engine} is not installed; install the Debian package ${SYNTHESIZER_PACKAGES[engine]} (bash scripts/setup.sh installs every package the kit needs)`);
  }
}

/** The synthesizer ran but failed: its exit status and the end of what it printed. */
export class SynthesizerFailedError extends InputError {
  constructor(engine: SynthesizerEngine, args: readonly string[], detail: string) {
    super('kws generate', `${engine} ${args.join(' ')} failed: ${detail}`);
  }
}

// A word takes well under a second; a stuck synthesizer must not hang the whole generation.
const TIMEOUT_MS = 60_000;

/**
 * Runs one synthesizer program to completion and resolves to its stdout. A missing program becomes a
 * SynthesizerMissingError, a non-zero exit or a timeout a SynthesizerFailedError.
 * @example
 * const voices = await runSynthesizer('espeak-ng', ['--voices=en']);
 */
export function runSynthesizer(engine: SynthesizerEngine, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(engine, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new SynthesizerMissingError(engine) : e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
      const said = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-3).join(' | ');
      const status = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ` after ${TIMEOUT_MS / 1000} s` : ''}` : `exit status ${code}`;
      reject(new SynthesizerFailedError(engine, args, said ? `${status}: ${said}` : status));
    });
  });
}
