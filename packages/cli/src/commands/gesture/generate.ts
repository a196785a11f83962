import { join } from 'node:path';
import { Command } from 'commander';
import { generateGestureSet, generateGestureStream, GESTURES, writeGestureSet, writeGestureStream, type Gesture } from '@sensorkit/gesture';
import type { CliIo } from '../../cli-io.js';
import { nonNegativeInteger, nonNegativeNumber, positiveInteger, positiveNumber } from '../../parse.js';

/** `sensorkit gesture generate --out <dir>`: a synthetic gesture set in the Arduino capture layout. */
export function gestureGenerateCommand(io: CliIo): Command {
  return new Command('generate')
    .description('synthesize IMU gestures (punch, flex, wave, circle, shake, up-down, idle) by simulated persons: one Arduino-style CSV per label + manifest.json')
    .requiredOption('--out <dir>', 'folder to write (created if needed)')
    .option('--persons <n>', 'simulated wearers, each with their own tempo, size, wrist pose and sensor errors', positiveInteger, 12)
    .option('--per-person <n>', 'examples of each label per person', positiveInteger, 10)
    .option('--rate <hz>', 'sample rate', positiveNumber, 100)
    .option('--window <s>', 'capture window per example, as the motion trigger cuts it', positiveNumber, 1.5)
    .option('--pre-trigger <s>', 'seconds of each capture before its trigger point', nonNegativeNumber, 0.25)
    .option('--threshold <g>', 'trigger threshold in g away from gravity', positiveNumber, 0.3)
    .option('--seed <n>', 'random seed', nonNegativeInteger, 1)
    .option('--first-person <n>', 'id of the first person (sets with distinct ids share no person)', nonNegativeInteger, 0)
    .option('--stream <count>', 'also write stream.csv: one person, <count> gestures at known times (truth in stream.csv.json)', positiveInteger)
    .action(async (o: { out: string; persons: number; perPerson: number; rate: number; window: number; preTrigger: number; threshold: number; seed: number; firstPerson: number; stream?: number }) => {
      const set = generateGestureSet({ persons: o.persons, perPerson: o.perPerson, sampleRate: o.rate, window: o.window, preTrigger: o.preTrigger, threshold: o.threshold, seed: o.seed, firstPerson: o.firstPerson });
      const manifest = await writeGestureSet(o.out, set);
      for (const f of manifest.files) io.stdout.write(`${join(o.out, f.file)}: ${f.segments} x ${f.label}\n`);
      if (o.stream !== undefined) {
        const gestures = Array.from({ length: o.stream }, (_, i): Gesture => GESTURES[i % GESTURES.length]!);
        const stream = generateGestureStream({ gestures, sampleRate: o.rate, seed: o.seed + 1000 });
        await writeGestureStream(join(o.out, 'stream.csv'), stream);
        io.stdout.write(`${join(o.out, 'stream.csv')}: ${stream.truth.length} gestures in ${(stream.samples.length / 6 / o.rate).toFixed(1)} s\n`);
      }
      io.stdout.write(`${set.examples.length} examples by ${o.persons} persons at ${o.rate} Hz in ${o.out}\n`);
    });
}
