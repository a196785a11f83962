import type { TriggerPlan } from './trigger-plan.js';

/** One motion capture: `windowSamples` readings starting `preSamples` before the trigger. */
export interface Capture {
  /** interleaved readings, owned by the receiver */
  readonly samples: Float32Array;
  /** sample index of the first reading */
  readonly start: number;
  /** sample index where the motion crossed the threshold */
  readonly trigger: number;
}

/**
 * Motion-triggered capture, as the Arduino gesture sketch does it but robust to how the board is held:
 * the sketch fires on |aX| + |aY| + |aZ| >= 2.5 g, which at rest is anything from 1 g (flat) to 1.73 g
 * (tilted), so its sensitivity depends on the wrist's orientation. Here the motion measure is the
 * distance of |a| from a gravity estimate (an EMA of |a| while still, which also absorbs a gain or bias
 * error of the board), and it must stay above the threshold for `confirm` s, so a single glitch does not
 * fire. A ring of `preTrigger` s keeps the start of the gesture; after a capture, `refractory` s pass
 * before the next can fire. Streaming equals batch: captures do not depend on how readings are chunked.
 * @example
 * const trigger = new MotionTrigger(createTriggerPlan({ sampleRate: 100, channels: 6 }));
 * trigger.push(readings, 0, (c) => console.log('gesture at', c.trigger / 100, 's'));
 */
export class MotionTrigger {
  private readonly ring: Float32Array;
  private readonly capture: Float32Array;
  private gravity = 1;
  private above = 0;
  private filled = 0; // readings in the capture being taken
  private captureStart = 0;
  private captureTrigger = 0;
  private capturing = false;
  private quietUntil = -1; // first index at which the trigger may fire again
  private next: number; // index of the next reading
  private historyStart: number; // oldest index the ring can hold (a reset empties it)

  constructor(
    readonly plan: TriggerPlan,
    startIndex = 0,
  ) {
    this.ring = new Float32Array(Math.max(1, plan.preSamples + plan.confirmSamples) * plan.channels);
    this.capture = new Float32Array(plan.windowSamples * plan.channels);
    this.next = startIndex;
    this.historyStart = startIndex;
  }

  /** Index the next pushed reading is taken to have. */
  get expectedIndex(): number {
    return this.next;
  }

  /** The current gravity estimate, g. */
  get gravityEstimate(): number {
    return this.gravity;
  }

  /** Forgets the history and any capture in progress (after a gap in the stream); keeps the gravity estimate. */
  reset(startIndex: number): void {
    this.capturing = false;
    this.above = 0;
    this.filled = 0;
    this.next = startIndex;
    this.historyStart = startIndex;
  }

  /** Feeds interleaved readings; calls `emit` for each capture completed. */
  push(samples: Float32Array, emit: (capture: Capture) => void): void {
    const { channels, threshold, confirmSamples, windowSamples, refractorySamples, gravityAlpha } = this.plan;
    const frames = samples.length / channels;
    const ringFrames = this.ring.length / channels;
    for (let f = 0; f < frames; f++) {
      const at = f * channels;
      const index = this.next++;
      if (this.capturing) {
        this.capture.set(samples.subarray(at, at + channels), this.filled * channels);
        if (++this.filled === windowSamples) {
          this.capturing = false;
          this.quietUntil = this.captureStart + windowSamples + refractorySamples;
          emit({ samples: this.capture.slice(), start: this.captureStart, trigger: this.captureTrigger });
        }
      }
      this.ring.set(samples.subarray(at, at + channels), (index % ringFrames) * channels);
      const x = samples[at]!;
      const y = samples[at + 1]!;
      const z = samples[at + 2]!;
      const motion = Math.abs(Math.sqrt(x * x + y * y + z * z) - this.gravity);
      if (motion >= threshold) {
        this.above++;
      } else {
        this.above = 0;
        if (!this.capturing) this.gravity += gravityAlpha * (Math.sqrt(x * x + y * y + z * z) - this.gravity);
      }
      if (!this.capturing && this.above >= confirmSamples && index >= this.quietUntil) this.begin(index - confirmSamples + 1, index);
    }
  }

  /** Starts a capture at `trigger - preSamples` (or the oldest reading kept) from the ring, up to `now`. */
  private begin(trigger: number, now: number): void {
    const { channels, preSamples, windowSamples } = this.plan;
    const ringFrames = this.ring.length / channels;
    const start = Math.max(trigger - preSamples, this.historyStart, now - ringFrames + 1, this.quietUntil - this.plan.refractorySamples);
    this.capturing = true;
    this.captureStart = start;
    this.captureTrigger = trigger;
    this.filled = 0;
    for (let i = start; i <= now && this.filled < windowSamples; i++) {
      const from = (i % ringFrames) * channels;
      this.capture.set(this.ring.subarray(from, from + channels), this.filled * channels);
      this.filled++;
    }
    this.above = 0;
  }
}
