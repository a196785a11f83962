import type { BadLineCounts } from './bad-lines.js';
import type { SeparatorKind } from './line-fields.js';
import { RateWindow, roundRate } from './rate-window.js';

/** What the detector needs; see createSerialSourcePlan for defaults and checks. */
export interface StreamDetectorPlan {
  /** Hz; when given the rate is not detected */
  readonly sampleRate: number | undefined;
  /** axis names, or a count; when given the axes are not detected */
  readonly axes: readonly string[] | number | undefined;
  /** a rate window closes after at least this many readings ... */
  readonly minWindowReadings: number;
  /** ... over at least this many seconds */
  readonly minWindowSeconds: number;
  /** relative change of the rate (e.g. 0.02) that two consecutive windows must show to re-detect it */
  readonly rateTolerance: number;
  /** consecutive lines with one value count that set (or change) the axes */
  readonly axisConfirmLines: number;
  /** most values per line */
  readonly maxValues: number;
}

/** A detection or re-detection: the rate and axes in force from now on. */
export interface Detection {
  readonly sampleRate: number;
  readonly axes: readonly string[];
  readonly rateChanged: boolean;
  readonly axesChanged: boolean;
}

/** Where the detector sends readings that fit the axes and what it detects. */
export interface DetectorSink {
  /** a reading with `axes.length` values (the array is reused), arrived at `time` seconds */
  accept(values: Float64Array, count: number, time: number): void;
  /** rate and axes known for the first time, or changed; called before the readings that follow it */
  detected(detection: Detection): void;
  /** the axes changed before the rate is known (chunks must still split there) */
  axesChanged?(axes: readonly string[]): void;
}

function defaultNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `ch${i}`);
}

/**
 * Detects a serial stream's axes (values per line, names from a header line or `ch0..chN`) and its
 * sample rate (least-squares fit over windows of arrival times, see RateWindow), and re-detects both:
 * the axes when another value count persists for `axisConfirmLines` lines, the rate when two
 * consecutive windows agree with each other and differ from the rate in force by more than
 * `rateTolerance` (one window could straddle the change). Readings are held while the axes are being
 * confirmed and released to the sink once they are, so none are lost. Pure: time is passed in.
 * @example
 * const detector = new StreamDetector(plan, parser.counts, { accept, detected: (d) => console.log(d.sampleRate, d.axes) });
 * detector.reading(values, 3, 'comma', performance.now() / 1000);
 */
export class StreamDetector {
  private rate: number | undefined;
  private axes: readonly string[] | undefined;
  private candidateRate: number | undefined;
  private measured: number | undefined;
  private readonly window = new RateWindow();
  // Readings held while a new value count is being confirmed.
  private readonly held: Float64Array;
  private readonly heldTimes: Float64Array;
  private readonly scratch: Float64Array;
  private heldCount = 0;
  private heldValues = 0;
  // The latest names line, until a data line tells whether it was a header.
  private pendingNames: { names: readonly string[]; separator: SeparatorKind } | undefined;
  private namesForCount: readonly string[] | undefined;
  private reported = false;

  constructor(
    private readonly plan: StreamDetectorPlan,
    private readonly counts: BadLineCounts,
    private readonly sink: DetectorSink,
  ) {
    this.rate = plan.sampleRate;
    if (Array.isArray(plan.axes)) this.axes = plan.axes;
    else if (typeof plan.axes === 'number') this.axes = defaultNames(plan.axes);
    this.held = new Float64Array(plan.axisConfirmLines * plan.maxValues);
    this.heldTimes = new Float64Array(plan.axisConfirmLines);
    this.scratch = new Float64Array(plan.maxValues);
    this.window.reset(true);
  }

  /** Hz in force, undefined until detected. */
  get sampleRate(): number | undefined {
    return this.rate;
  }

  /** Axis names in force, undefined until detected. */
  get axisNames(): readonly string[] | undefined {
    return this.axes;
  }

  /** The rate measured over the last complete window (Hz, unrounded), whether or not it was adopted. */
  get measuredRate(): number | undefined {
    return this.measured;
  }

  /** Best rate available now: in force, else a fit over the readings so far (for early gap estimates). */
  provisionalRate(): number | undefined {
    return this.rate ?? this.measured ?? this.window.rate();
  }

  /** A new connection: arrival times restart (a gap is not part of any rate window). */
  restart(): void {
    this.window.reset(true);
    this.rejectHeld();
    this.resolveNames(-1, 'blank');
  }

  /** A line of names from the parser: it becomes the header if the next data line matches it. */
  names(names: readonly string[], separator: SeparatorKind): void {
    if (this.pendingNames) this.counts['not-numeric']++;
    this.pendingNames = { names, separator };
  }

  /** One parsed line of `count` values that arrived at `time` (seconds, monotonic). */
  reading(values: Float64Array, count: number, separator: SeparatorKind, time: number): void {
    this.resolveNames(count, separator);
    const fixedAxes = this.plan.axes !== undefined;
    if (this.axes !== undefined && count === this.axes.length) {
      this.rejectHeld();
      this.take(values, count, time);
      return;
    }
    if (fixedAxes) {
      this.counts['value-count']++;
      return;
    }
    if (this.heldCount > 0 && this.heldValues !== count) this.rejectHeld();
    const stride = this.plan.maxValues;
    const at = this.heldCount * stride;
    for (let c = 0; c < count; c++) this.held[at + c] = values[c]!;
    this.heldTimes[this.heldCount++] = time;
    this.heldValues = count;
    if (this.heldCount < this.plan.axisConfirmLines) return;
    // The new layout persisted: adopt it and release the readings that proved it.
    const initial = this.axes === undefined;
    this.axes = this.namesForCount?.length === count ? this.namesForCount : defaultNames(count);
    if (!initial) {
      // Another layout usually means another sketch, maybe at another rate: measure afresh.
      this.window.reset(false);
      this.candidateRate = undefined;
    }
    if (this.rate !== undefined) this.report(false, true);
    else this.sink.axesChanged?.(this.axes);
    const held = this.heldCount;
    this.heldCount = 0;
    const scratch = this.scratch;
    for (let i = 0; i < held; i++) {
      for (let c = 0; c < count; c++) scratch[c] = this.held[i * stride + c]!;
      this.take(scratch, count, this.heldTimes[i]!);
    }
  }

  private take(values: Float64Array, count: number, time: number): void {
    // Rate and axes both given: say so once, before the first reading, as a detection would.
    if (!this.reported && this.rate !== undefined) this.report(false, false);
    this.feedRate(time);
    this.sink.accept(values, count, time);
  }

  private feedRate(time: number): void {
    this.window.add(time);
    if (!this.window.isComplete(this.plan.minWindowReadings, this.plan.minWindowSeconds)) return;
    const estimate = this.window.rate();
    this.window.reset(false);
    if (estimate === undefined) return;
    this.measured = estimate;
    if (this.plan.sampleRate !== undefined) return; // given: measured for stats only
    const tolerance = this.plan.rateTolerance;
    if (this.rate === undefined) {
      this.rate = roundRate(estimate);
      this.report(true, false);
    } else if (Math.abs(estimate - this.rate) > tolerance * this.rate) {
      const candidate = this.candidateRate;
      if (candidate !== undefined && Math.abs(estimate - candidate) <= tolerance * candidate) {
        this.rate = roundRate(estimate);
        this.candidateRate = undefined;
        this.report(true, false);
      } else {
        this.candidateRate = estimate;
      }
    } else {
      this.candidateRate = undefined;
    }
  }

  private report(rateChanged: boolean, axesChanged: boolean): void {
    if (this.rate === undefined || this.axes === undefined) return;
    const first = !this.reported;
    this.reported = true;
    this.sink.detected({ sampleRate: this.rate, axes: this.axes, rateChanged: rateChanged || first, axesChanged: axesChanged || first });
  }

  private rejectHeld(): void {
    this.counts['value-count'] += this.heldCount;
    this.heldCount = 0;
  }

  /** Decides whether the pending names line was a header, now that a data line of `count` values came. */
  private resolveNames(count: number, separator: SeparatorKind): void {
    const pending = this.pendingNames;
    if (!pending) return;
    this.pendingNames = undefined;
    if (pending.names.length !== count || pending.separator !== separator) {
      this.counts['not-numeric']++;
      return;
    }
    this.namesForCount = pending.names;
    if (this.axes !== undefined && this.axes.length === count && !Array.isArray(this.plan.axes) && !sameNames(this.axes, pending.names)) {
      this.axes = pending.names;
      this.report(false, true);
    }
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
