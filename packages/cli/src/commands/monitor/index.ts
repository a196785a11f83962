import { Command } from 'commander';
import type { CliIo } from '../../cli-io.js';
import { addLiveInputOptions, liveFailure, openLiveInput } from '../../live-input.js';
import { positiveNumber } from '../../parse.js';
import { runMonitor } from './monitor-loop.js';

const BLOCK = 'monitor';

/** `sensorkit monitor (--port | --input | --mic | --generate)`: a live terminal view of a stream until Ctrl-C or --duration. */
export function monitorCommand(io: CliIo): Command {
  const command = new Command('monitor').description(
    'watch a live stream: rate, axes, values, min/max, sparklines, audio level, dropped lines and gaps (Ctrl-C to stop)',
  );
  addLiveInputOptions(command)
    .option('--duration <s>', 'stop after this many seconds of signal (default: until Ctrl-C or the end of the input)', positiveNumber)
    .action(async (options: Record<string, unknown>) => {
      const input = await openLiveInput(options, { command: BLOCK, realtime: true }).catch((err: unknown) => {
        throw liveFailure(BLOCK, err);
      });
      const abort = new AbortController();
      const onSigint = (): void => abort.abort();
      process.once('SIGINT', onSigint);
      try {
        const tty = (io.stdout as { isTTY?: boolean }).isTTY === true;
        const duration = options.duration as number | undefined;
        await runMonitor(input, { out: io.stdout, tty, signal: abort.signal, ...(duration !== undefined ? { duration } : {}) });
      } catch (err) {
        throw liveFailure(BLOCK, err);
      } finally {
        process.removeListener('SIGINT', onSigint);
        await input.source.close();
      }
    });
  return command;
}
