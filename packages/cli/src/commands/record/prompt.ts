import { createInterface, type Interface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NextSample } from '@sensorkit/io';

/** How the recorder waits before each sample. */
export type PromptMode = 'none' | 'enter' | 'countdown';

/** A prompt the recorder awaits before each sample, and how to release what it holds. */
export interface SessionPrompt {
  ask(next: NextSample): Promise<void>;
  close(): void;
}

/** True when the environment says this is a CI run (CI=true, CI=1, ...), where nobody can press Enter. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/** --yes or CI: no waiting; a terminal on stdin: press Enter; otherwise (a pipe, no one typing): a 3-2-1 countdown. */
export function choosePromptMode(options: { yes: boolean; ci: boolean; stdinIsTty: boolean }): PromptMode {
  if (options.yes || options.ci) return 'none';
  return options.stdinIsTty ? 'enter' : 'countdown';
}

function announce(next: NextSample): string {
  return `Recording '${next.label}' ${next.number}/${next.count}`;
}

/** Waits for Enter on `input` before each sample; fails if `input` ends (nobody left to press it). */
export function enterPrompt(input: NodeJS.ReadableStream, out: NodeJS.WritableStream): SessionPrompt {
  let lines: Interface | undefined;
  let waiting: { resolve: () => void; reject: (err: Error) => void } | undefined;
  return {
    ask(next) {
      out.write(`${announce(next)}: press Enter to start (Ctrl-C to stop) `);
      lines ??= createInterface({ input, terminal: false })
        .on('line', () => {
          const w = waiting;
          waiting = undefined;
          w?.resolve();
        })
        .on('close', () => waiting?.reject(new Error('standard input closed while waiting for Enter; use --yes to record without prompts')));
      return new Promise<void>((resolve, reject) => {
        waiting = { resolve, reject };
      });
    },
    close() {
      waiting = undefined;
      lines?.close();
    },
  };
}

/** Counts down `seconds` (one line on `out`) before each sample; `signal` cuts the wait short. */
export function countdownPrompt(out: NodeJS.WritableStream, signal: AbortSignal, seconds = 3, tickMs = 1000): SessionPrompt {
  return {
    async ask(next) {
      out.write(`${announce(next)} in`);
      for (let s = seconds; s > 0; s--) {
        out.write(` ${s}`);
        await sleep(tickMs, undefined, { signal });
      }
      out.write(' - go\n');
    },
    close() {},
  };
}
