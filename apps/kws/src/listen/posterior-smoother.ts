import { ParameterError, rejectUnknownOptions, requireInRange, requireInteger } from '@sensorkit/dsp';

/** Streaming decision options (TFLM micro_speech's RecognizeCommands, made tunable). */
export interface ListenOptions {
  /** s: class scores are averaged over the windows that ended in the last `averageWindow` seconds (default 0.5) */
  averageWindow?: number;
  /** averaged score a keyword must reach (default 0.7) */
  threshold?: number;
  /** s: after a detection, no other for this long (default 1) */
  suppression?: number;
  /** windows the average must hold before anything is reported (default 3) */
  minimumCount?: number;
  /** s: hop between scored windows, a whole number of 20 ms feature frames (default 0.1) */
  stride?: number;
}

export const LISTEN_DEFAULTS: Required<ListenOptions> = { averageWindow: 0.5, threshold: 0.7, suppression: 1, minimumCount: 3, stride: 0.1 };

const BLOCK = 'kws listen';
const KEYS = Object.keys(LISTEN_DEFAULTS);

/** Validates listen options (unknown keys, ranges), keeping only what was given. */
export function checkListenOptions(options: ListenOptions): ListenOptions {
  if (typeof options !== 'object' || options === null) throw new ParameterError(BLOCK, 'options', options, 'an object');
  rejectUnknownOptions(BLOCK, options, KEYS);
  const out: ListenOptions = {};
  if (options.averageWindow !== undefined) out.averageWindow = requireInRange(BLOCK, 'averageWindow', options.averageWindow, 0, 10);
  if (options.threshold !== undefined) out.threshold = requireInRange(BLOCK, 'threshold', options.threshold, 0, 1);
  if (options.suppression !== undefined) out.suppression = requireInRange(BLOCK, 'suppression', options.suppression, 0, 3600);
  if (options.minimumCount !== undefined) out.minimumCount = requireInteger(BLOCK, 'minimumCount', options.minimumCount, 1, 1000);
  if (options.stride !== undefined) out.stride = requireInRange(BLOCK, 'stride', options.stride, 0.02, 1);
  return out;
}

/** A keyword heard in a stream. */
export interface Detection {
  /** s from the start of the stream: the end of the newest window in the average (when it could be known) */
  time: number;
  label: string;
  /** averaged score of `label` */
  score: number;
}

/**
 * Posterior smoothing: keeps the class scores of recent windows, averages them over `averageWindow`, and
 * reports the best keyword (never a class in `background`) once its average reaches `threshold`, at least
 * `minimumCount` windows are in the average, and `suppression` seconds have passed since the last report.
 * @example
 * const smoother = new PosteriorSmoother(['yes', 'no', '_unknown_', '_silence_'], { threshold: 0.8 });
 * const hit = smoother.push(1.3, scores);   // Detection | undefined
 */
export class PosteriorSmoother {
  readonly options: Required<ListenOptions>;
  private readonly targets: number[];
  private readonly history: { time: number; scores: Float32Array }[] = [];
  private readonly sum: Float64Array;
  private last = -Infinity;

  constructor(
    readonly labels: readonly string[],
    options: ListenOptions = {},
    background: readonly string[] = ['_unknown_', '_silence_'],
  ) {
    this.options = { ...LISTEN_DEFAULTS, ...checkListenOptions(options) };
    this.targets = labels.flatMap((l, i) => (background.includes(l) ? [] : [i]));
    if (this.targets.length === 0) throw new ParameterError(BLOCK, 'labels', labels.join(','), 'at least one keyword besides the background classes');
    this.sum = new Float64Array(labels.length);
  }

  /** Adds the scores of the window ending at `time` (s); returns a detection when one is due. */
  push(time: number, scores: Float32Array): Detection | undefined {
    const entry = { time, scores: scores.slice() };
    this.history.push(entry);
    for (let c = 0; c < this.sum.length; c++) this.sum[c] += entry.scores[c]!;
    // A small epsilon keeps a window exactly `averageWindow` old out of the average despite float steps.
    while (this.history.length > 0 && this.history[0]!.time <= time - this.options.averageWindow + 1e-9 && this.history.length > 1) {
      const old = this.history.shift()!;
      for (let c = 0; c < this.sum.length; c++) this.sum[c] -= old.scores[c]!;
    }
    const n = this.history.length;
    if (n < this.options.minimumCount) return undefined;
    let best = this.targets[0]!;
    for (const c of this.targets) if (this.sum[c]! > this.sum[best]!) best = c;
    const score = this.sum[best]! / n;
    // The epsilon lets window times on a float grid (2.3 - 1.3 = 0.9999...) count as a full suppression apart.
    if (score < this.options.threshold || time - this.last < this.options.suppression - 1e-9) return undefined;
    this.last = time;
    return { time, label: this.labels[best]!, score };
  }

  reset(): void {
    this.history.length = 0;
    this.sum.fill(0);
    this.last = -Infinity;
  }
}
