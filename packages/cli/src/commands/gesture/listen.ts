import { Command, Option } from 'commander';
import { identity, take, takeWhile, type Subscription } from 'rxjs';
import { initBackend, type BackendPreference } from '@sensorkit/ml';
import { gestureEvents, loadGestureModel } from '@sensorkit/gesture';
import type { CliIo } from '../../cli-io.js';
import { addLiveInputOptions, liveFailure, openLiveInput } from '../../live-input.js';
import { positiveInteger, positiveNumber } from '../../parse.js';
import { addSegmentationOptions, formatGesture, segmentationOptions } from './classify.js';

const BLOCK = 'gesture listen';

/** `sensorkit gesture listen --model <dir> (--port <path|auto> | --input <csv>)`: gestures as they happen. */
export function gestureListenCommand(io: CliIo): Command {
  const command = new Command('listen')
    .description('classify gestures live from a board streaming aX,aY,aZ[,gX,gY,gZ] lines over serial (or a replayed file); Ctrl-C to stop')
    .requiredOption('-m, --model <dir>', 'model folder written by gesture train');
  addSegmentationOptions(addLiveInputOptions(command))
    .option('--count <n>', 'stop after this many gestures', positiveInteger)
    .option('--duration <s>', 'stop after this many seconds of readings', positiveNumber)
    .addOption(new Option('--backend <name>', 'TF.js backend').choices(['auto', 'wasm', 'cpu']).default('auto'))
    .action(async (o: Record<string, unknown>) => {
      const options = segmentationOptions(o);
      await initBackend(o.backend as BackendPreference);
      const { model } = await loadGestureModel(o.model as string);
      const input = await openLiveInput(o, { command: BLOCK, realtime: true }).catch((err: unknown) => {
        throw liveFailure(BLOCK, err);
      });
      const json = o.json === true;
      const count = o.count as number | undefined;
      const duration = o.duration as number | undefined;
      io.stderr.write(`sensorkit: listening to ${input.name} with ${model.config.labels.join(', ')} (${options?.mode ?? 'trigger'} mode)\n`);
      let found = 0;
      // Readings' own time ends a run with --duration, so a quiet stream stops too; --count ends it at the nth gesture.
      const events = input.source.chunks.pipe(
        takeWhile((c) => duration === undefined || c.index / c.sampleRate < duration, true),
        gestureEvents(model, options),
        count === undefined ? identity : take(count),
      );
      let subscription: Subscription | undefined;
      let stop: () => void = () => undefined;
      const onSigint = (): void => stop();
      process.once('SIGINT', onSigint);
      try {
        await new Promise<void>((resolve, reject) => {
          stop = () => {
            subscription?.unsubscribe();
            resolve();
          };
          subscription = events.subscribe({
            next: (e) => {
              found++;
              io.stdout.write(`${formatGesture(e, json)}\n`);
            },
            error: (err: unknown) => reject(liveFailure(BLOCK, err)),
            complete: () => resolve(),
          });
        });
      } finally {
        process.removeListener('SIGINT', onSigint);
        await input.source.close();
      }
      io.stderr.write(`sensorkit: ${found || 'no'} gesture(s) from ${input.name}\n`);
    });
  return command;
}
