import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import type { Observable } from 'rxjs';
import { InputError, ParameterError, type SampleChunk } from '@sensorkit/dsp';
import { formatSegmentedCsv, readCsv, requireLabel, writeFileAtomic } from '@sensorkit/io';
import { createTriggerPlan, GESTURE_SET_FORMAT, IMU_AXES, MANIFEST_FILE, MotionTrigger, NEGATIVE_LABEL, type GestureSetManifest } from '@sensorkit/gesture';
import type { CliIo } from '../../cli-io.js';
import { addLiveInputOptions, liveFailure, openLiveInput } from '../../live-input.js';
import { nonNegativeNumber, positiveInteger, positiveNumber } from '../../parse.js';

const BLOCK = 'gesture record';

/**
 * `sensorkit gesture record --port <path|auto> --labels punch,flex --count 10 --out <dir>`: guided
 * capture. For each label in turn it asks for the gesture, waits for the motion trigger, and keeps the
 * capture; then writes `<label>.csv` in the Arduino layout (appending to what is there) and a manifest.
 */
export function gestureRecordCommand(io: CliIo): Command {
  const command = new Command('record')
    .description('guided gesture capture from a board: per label, perform the gesture when asked; writes <label>.csv (Arduino layout) + manifest.json')
    .requiredOption('--labels <names>', 'comma-separated labels, e.g. punch,flex,idle (idle: windows of rest, no trigger)', (v: string) => v.split(',').map((s) => s.trim()))
    .requiredOption('--out <dir>', 'folder to write (files of the same labels are appended to)');
  addLiveInputOptions(command)
    .option('--count <n>', 'captures per label', positiveInteger, 10)
    .option('--window <s>', 'seconds per capture', positiveNumber, 1.5)
    .option('--pre-trigger <s>', 'seconds kept from before the trigger', nonNegativeNumber, 0.25)
    .option('--threshold <g>', 'trigger threshold in g away from gravity', positiveNumber, 0.3)
    .action(async (o: Record<string, unknown>) => {
      const labels = (o.labels as string[]).map((l) => requireLabel(BLOCK, l));
      if ((o.preTrigger as number) >= (o.window as number)) throw new ParameterError(BLOCK, '--pre-trigger', o.preTrigger, `less than --window (${o.window as number} s)`);
      const input = await openLiveInput(o, { command: BLOCK, realtime: true }).catch((err: unknown) => {
        throw liveFailure(BLOCK, err);
      });
      try {
        await recordLabels(io, input.source.chunks, labels, o);
      } catch (err) {
        throw liveFailure(BLOCK, err);
      } finally {
        await input.source.close();
      }
    });
  return command;
}

/** Captures in arrival order; `next` takes the oldest, or waits for one. */
class CaptureQueue {
  private readonly queued: Float32Array[] = [];
  private waiting: { resolve: (x: Float32Array) => void; reject: (e: unknown) => void } | undefined;
  private error: unknown;

  put(x: Float32Array): void {
    const w = this.waiting;
    this.waiting = undefined;
    if (w) w.resolve(x);
    else this.queued.push(x);
  }

  fail(e: unknown): void {
    this.error = e ?? new InputError(BLOCK, 'the source ended before every capture was taken');
    this.waiting?.reject(this.error);
    this.waiting = undefined;
  }

  /** Forgets captures nobody asked for (made while the previous label was being saved). */
  clear(): void {
    this.queued.length = 0;
  }

  next(): Promise<Float32Array> {
    const first = this.queued.shift();
    if (first) return Promise.resolve(first);
    if (this.error !== undefined) return Promise.reject(this.error);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }
}

async function recordLabels(io: CliIo, chunks: Observable<SampleChunk>, labels: string[], o: Record<string, unknown>): Promise<void> {
  const window = o.window as number;
  const captures = new CaptureQueue();
  const rest = new CaptureQueue();
  let format: { sampleRate: number; channels: number } | undefined;
  let trigger: MotionTrigger | undefined;
  let restFill = new Float32Array(0);
  let restAt = 0;
  const ready = new CaptureQueue();
  const subscription = chunks.subscribe({
    next: (c) => {
      if (!format) {
        if (c.channels !== 3 && c.channels !== 6) return captures.fail(new InputError(BLOCK, `the source has ${c.channels} axes; expected 3 (aX,aY,aZ) or 6 (aX..gZ)`));
        format = { sampleRate: c.sampleRate, channels: c.channels };
        trigger = new MotionTrigger(createTriggerPlan({ sampleRate: c.sampleRate, channels: c.channels, window, preTrigger: o.preTrigger as number, threshold: o.threshold as number }), c.index);
        restFill = new Float32Array(Math.round(window * c.sampleRate) * c.channels);
        ready.put(new Float32Array(0));
      }
      if (c.index !== trigger!.expectedIndex) trigger!.reset(c.index);
      trigger!.push(c.samples, (capture) => captures.put(capture.samples));
      // Windows of everything, back to back, for the idle label: no trigger.
      for (let at = 0; at < c.samples.length; ) {
        const take = Math.min(restFill.length - restAt, c.samples.length - at);
        restFill.set(c.samples.subarray(at, at + take), restAt);
        restAt += take;
        at += take;
        if (restAt === restFill.length) {
          rest.put(restFill.slice());
          restAt = 0;
        }
      }
    },
    error: (e: unknown) => [captures, rest, ready].forEach((q) => q.fail(e)),
    complete: () => [captures, rest, ready].forEach((q) => q.fail(undefined)),
  });
  const count = o.count as number;
  const out = o.out as string;
  await mkdir(out, { recursive: true });
  const files: GestureSetManifest['files'] = [];
  try {
    await ready.next();
    const { sampleRate, channels } = format!;
    for (const label of labels) {
      const taken: Float32Array[] = [];
      const idle = label === NEGATIVE_LABEL;
      const queue = idle ? rest : captures;
      if (label !== labels[0]) queue.clear();
      for (let k = 1; k <= count; k++) {
        io.stderr.write(idle ? `rest or move casually: idle ${k}/${count}\n` : `perform '${label}' now (${k}/${count})\n`);
        taken.push(await queue.next());
      }
      const path = join(out, `${label}.csv`);
      const before = await readCsv(path, { sampleRate }).then((d) => d.segments.map((s) => s.samples), () => [] as Float32Array[]);
      const all = [...before, ...taken];
      await writeFileAtomic(path, formatSegmentedCsv(IMU_AXES.slice(0, channels), all));
      files.push({ file: `${label}.csv`, label, segments: all.length, persons: [] });
      io.stdout.write(`${path}: ${all.length} x ${label} (${taken.length} new)\n`);
    }
    const manifestPath = join(out, MANIFEST_FILE);
    const old = await readFile(manifestPath, 'utf8').then((t) => JSON.parse(t) as GestureSetManifest, () => undefined);
    const kept = (old?.files ?? []).filter((f) => !files.some((n) => n.file === f.file));
    const manifest: GestureSetManifest = {
      format: GESTURE_SET_FORMAT,
      version: 1,
      sampleRate,
      axes: IMU_AXES.slice(0, channels),
      units: ['g', 'g', 'g', 'deg/s', 'deg/s', 'deg/s'].slice(0, channels),
      generator: { block: 'gesture-record', window, preTrigger: o.preTrigger, threshold: o.threshold },
      files: [...kept, ...files],
    };
    await writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  } finally {
    subscription.unsubscribe();
  }
}
