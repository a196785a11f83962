import { takeWhile, type Subscription } from 'rxjs';
import { InputError, ParameterError, rejectUnknownOptions, requireInteger, requirePositive } from '@sensorkit/dsp';
import type { LiveSource, SourceStats } from '../live/live-source.js';
import type { DatasetWriter } from './dataset-writer.js';
import type { DatasetEntry, SampleFileFormat } from './manifest.js';
import { SampleCapture, type CapturedSample } from './sample-capture.js';
import { requireLabel } from './sample-files.js';

/** Which sample comes next, for a prompt. */
export interface NextSample {
  readonly label: string;
  /** 1-based number of the sample about to be captured in this session */
  readonly number: number;
  readonly count: number;
}

/** Where a session stands, after every chunk captured. */
export interface RecordProgress extends NextSample {
  /** seconds of signal captured in the current sample */
  readonly seconds: number;
  /** seconds per sample */
  readonly length: number;
  /** samples captured so far in this session */
  readonly done: number;
}

export interface RecordOptions {
  /** where samples go */
  writer: DatasetWriter;
  label: string;
  /** seconds per sample, counted in the source's sample index */
  length: number;
  /** samples to capture */
  count: number;
  /** recorded in the manifest: 'serial:/dev/ttyACM0', 'mic:default', 'generator:sine:440' */
  source: string;
  /** channel names; default the source's detected axes, else ch0, ch1, ... */
  axes?: readonly string[];
  /** one unit for all channels or one per channel; default 'normalized' */
  units?: readonly string[] | string;
  /** file format; default wav for 'normalized' units, else csv */
  format?: SampleFileFormat;
  /** awaited before each sample (readings meanwhile are discarded); none: samples follow back to back */
  prompt?: (next: NextSample) => Promise<void>;
  onProgress?: (progress: RecordProgress) => void;
  /** called when a sample's file and manifest entry are on disk */
  onSaved?: (entry: DatasetEntry, number: number) => void;
  /** discarded readings, restarts */
  onNotice?: (message: string) => void;
  /** seconds (wall clock) without any chunk, outside prompts, before the session fails; default 10 */
  idleTimeout?: number;
  /** ends the session early: samples already captured are saved, the one in progress is dropped */
  signal?: AbortSignal;
}

export interface RecordResult {
  /** manifest entries written by this session, in order */
  readonly entries: readonly DatasetEntry[];
  /** true when `signal` ended the session before `count` samples */
  readonly aborted: boolean;
}

const BLOCK = 'recorder';
const KNOWN = ['writer', 'label', 'length', 'count', 'source', 'axes', 'units', 'format', 'prompt', 'onProgress', 'onSaved', 'onNotice', 'idleTimeout', 'signal'];

/**
 * Records `count` samples of `length` seconds from a live source into a dataset. Each sample is cut in
 * the source's sample-index time; gaps, unparsed lines and dropped readings the source reported while
 * it was captured go into its manifest entry. The source is not closed: the caller owns it. Rejects
 * when the source errors, ends early, or sends nothing for `idleTimeout` seconds; samples saved
 * before that stay in the dataset.
 * @example
 * const writer = await DatasetWriter.open('data/gestures');
 * const { entries } = await recordSamples(source, { writer, label: 'punch', length: 1, count: 10, source: 'serial:/dev/ttyACM0', units: 'g' });
 */
export function recordSamples(live: LiveSource, options: RecordOptions): Promise<RecordResult> {
  try {
    rejectUnknownOptions(BLOCK, options, KNOWN);
    if (typeof options.source !== 'string' || options.source === '') throw new ParameterError(BLOCK, 'source', options.source, 'a non-empty description of the source');
    return record(live, options, {
      label: requireLabel(BLOCK, options.label),
      count: requireInteger(BLOCK, 'count', options.count, 1),
      idleTimeout: requirePositive(BLOCK, 'idleTimeout', options.idleTimeout ?? 10),
      capture: new SampleCapture(requirePositive(BLOCK, 'length', options.length)),
    });
  } catch (err) {
    return Promise.reject(err);
  }
}

interface Checked {
  label: string;
  count: number;
  idleTimeout: number;
  capture: SampleCapture;
}

function record(live: LiveSource, options: RecordOptions, { label, count, idleTimeout, capture }: Checked): Promise<RecordResult> {
  const { writer, prompt, onProgress, onSaved, signal } = options;
  const notice = options.onNotice ?? ((): void => {});

  return new Promise<RecordResult>((resolve, reject) => {
    const entries: DatasetEntry[] = [];
    let captured = 0;
    let finished = false;
    let aborted = false;
    let failure: unknown;
    let writes: Promise<void> = Promise.resolve();
    let atStart: SourceStats = live.stats();
    let timer: NodeJS.Timeout | undefined;
    let subscription: Subscription | undefined;

    const finish = (err?: unknown): void => {
      if (finished) return;
      finished = true;
      failure ??= err;
      if (timer) clearTimeout(timer);
      subscription?.unsubscribe();
      signal?.removeEventListener('abort', onAbort);
      void writes.then(() => (failure === undefined ? resolve({ entries, aborted }) : reject(failure)));
    };
    const onAbort = (): void => {
      aborted = captured < count;
      finish();
    };
    const watch = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => finish(new InputError(BLOCK, `no data from ${options.source} for ${idleTimeout} s; is it connected and sending?`)), idleTimeout * 1000);
    };
    const begin = (): void => {
      atStart = live.stats();
      capture.arm();
    };
    const next = (): void => {
      if (!prompt) return begin();
      if (timer) clearTimeout(timer);
      prompt({ label, number: captured + 1, count }).then(
        () => {
          if (finished) return;
          begin();
          watch();
        },
        (err: unknown) => finish(err),
      );
    };
    const save = (sample: CapturedSample): void => {
      const number = ++captured;
      const now = live.stats();
      const axes = options.axes ?? (now.axes?.length === sample.channels ? now.axes : undefined);
      // Counted now: by the time the write runs, the next sample may have begun and moved atStart.
      const counters = {
        startIndex: sample.startIndex,
        gapSamples: Math.max(sample.gapSamples, now.gapSamples - atStart.gapSamples),
        badLines: now.badLines - atStart.badLines,
        droppedReadings: now.overflowDropped - atStart.overflowDropped,
      };
      writes = writes.then(async () => {
        if (failure !== undefined) return;
        try {
          const entry = await writer.add({
            label,
            samples: sample.samples,
            sampleRate: sample.sampleRate,
            channels: sample.channels,
            source: options.source,
            ...(axes ? { axes } : {}),
            ...(options.units !== undefined ? { units: options.units } : {}),
            ...(options.format !== undefined ? { format: options.format } : {}),
            ...counters,
          });
          entries.push(entry);
          onSaved?.(entry, number);
        } catch (err) {
          failure ??= err;
          finish(err);
        }
      });
      if (number === count) finish();
      else next();
    };

    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    // Without a prompt, arm before subscribing: a source that emits at once is captured from its first reading.
    if (!prompt) begin();
    watch();
    subscription = live.chunks.pipe(takeWhile(() => !finished)).subscribe({
      next: (chunk) => {
        if (!prompt || capture.active) watch();
        try {
          const wasActive = capture.active;
          capture.push(chunk, save, notice);
          if (wasActive && !finished && capture.active) {
            onProgress?.({ label, number: captured + 1, count, seconds: capture.capturedSeconds, length: capture.length, done: captured });
          }
        } catch (err) {
          finish(err);
        }
      },
      error: (err: unknown) => finish(err),
      complete: () => finish(new InputError(BLOCK, `${options.source} ended after ${captured} of ${count} samples; those are saved`)),
    });
    if (finished) subscription.unsubscribe();
    if (prompt) next();
  });
}
