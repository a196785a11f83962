/*
 * The shapes the gesture app's parts exchange: what a classified gesture looks like on its way to the
 * console, JSON lines, tests and benchmarks.
 */

/** A gesture found in a stream. Times are seconds from the stream's first reading (sample index / rate). */
export interface GestureEvent {
  /** when the gesture was detected: the trigger point (triggered mode), or the end of the last window of the detection (sliding mode) */
  readonly time: number;
  readonly label: string;
  /** the class probability (triggered) or the smoothed probability (sliding) */
  readonly score: number;
  /** the window the verdict is about (sliding mode: where the gesture was clearest), s */
  readonly start: number;
  readonly end: number;
  /** sample index one past the last reading the verdict waited for: latency is measured from its arrival */
  readonly endIndex: number;
}

export const SEGMENTATION_MODES = ['trigger', 'sliding'] as const;
export type SegmentationMode = (typeof SEGMENTATION_MODES)[number];
