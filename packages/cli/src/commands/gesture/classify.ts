import { Command, Option } from 'commander';
import { from, lastValueFrom, toArray } from 'rxjs';
import { initBackend, type BackendPreference } from '@sensorkit/ml';
import { gestureEvents, loadGestureModel, readImuFile, SEGMENTATION_MODES, type GestureEvent, type SegmentationMode } from '@sensorkit/gesture';
import { ParameterError } from '@sensorkit/dsp';
import type { CliIo } from '../../cli-io.js';
import { positiveNumber } from '../../parse.js';
import { addImuDataOptions, imuDataOptions } from './data-options.js';

/** The segmentation flags classify and listen share. */
export function addSegmentationOptions(command: Command): Command {
  return command
    .addOption(new Option('--mode <mode>', 'motion-triggered captures, or sliding windows with posterior smoothing (needs a model with an idle class)').choices(SEGMENTATION_MODES).default('trigger'))
    .option('--threshold <g>', 'trigger threshold in g away from gravity (default: the model\'s)', positiveNumber)
    .option('--min-score <p>', 'sliding mode: smoothed probability a gesture must reach', positiveNumber, 0.7)
    .option('--json', 'one JSON object per gesture');
}

export function segmentationOptions(o: Record<string, unknown>): Parameters<typeof gestureEvents>[1] {
  if ((o.minScore as number) > 1) throw new ParameterError('gesture', '--min-score', o.minScore, 'a probability in (0, 1]');
  return { mode: o.mode as SegmentationMode, ...(o.threshold !== undefined ? { threshold: o.threshold as number } : {}), minScore: o.minScore as number };
}

/** One output line per gesture: `time,label,score` or JSON. */
export function formatGesture(e: GestureEvent, json: boolean): string {
  return json ? JSON.stringify(e) : `${e.time.toFixed(3)},${e.label},${e.score.toFixed(3)}`;
}

/** `sensorkit gesture classify --model <dir> --input <csv>`: every gesture in a recording. */
export function gestureClassifyCommand(io: CliIo): Command {
  const command = new Command('classify')
    .description('find and classify the gestures in an IMU recording: one line per gesture (time in s, label, score)')
    .requiredOption('-m, --model <dir>', 'model folder written by gesture train')
    .requiredOption('-i, --input <csv>', 'recording: continuous log, or Arduino captures (each segment on its own)');
  addSegmentationOptions(addImuDataOptions(command))
    .addOption(new Option('--backend <name>', 'TF.js backend').choices(['auto', 'wasm', 'cpu']).default('auto'))
    .action(async (o: Record<string, unknown>) => {
      const options = segmentationOptions(o);
      await initBackend(o.backend as BackendPreference);
      const { model } = await loadGestureModel(o.model as string);
      const { chunks } = await readImuFile(o.input as string, imuDataOptions(o));
      const events = await lastValueFrom(from(chunks).pipe(gestureEvents(model, options), toArray()));
      const json = o.json === true;
      if (!json) io.stdout.write('time,label,score\n');
      for (const e of events) io.stdout.write(`${formatGesture(e, json)}\n`);
    });
  return command;
}
