import type { OperatorFunction } from 'rxjs';
import { chunkOperator, createFramingPlan, Framer, InputError, type SampleChunk } from '@sensorkit/dsp';
import type { GestureEvent, SegmentationMode } from '../contracts.js';
import type { GestureModel } from '../model/gesture-model.js';
import { MotionTrigger } from '../segment/motion-trigger.js';
import { createSmootherPlan, PosteriorSmoother } from '../segment/posterior-smoother.js';
import { createTriggerPlan } from '../segment/trigger-plan.js';

export interface GestureEventOptions {
  /** motion-triggered capture (default) or continuous sliding windows */
  mode?: SegmentationMode;
  /** trigger threshold, g (default: the model's) */
  threshold?: number;
  /** triggered mode: report windows the model calls the negative class too (default false) */
  includeNegative?: boolean;
  /** sliding mode: s between window starts (default 0.1) */
  hop?: number;
  /** sliding mode: predictions averaged, smoothed probability to reach, s of suppression (defaults 3, 0.7, 1) */
  average?: number;
  minScore?: number;
  suppress?: number;
}

/**
 * Gestures found in a stream of IMU chunks by a trained model. Triggered mode: each motion capture
 * (MotionTrigger, the model's window and pre-trigger) is classified once. Sliding mode: a window every
 * `hop` s, posterior smoothing over the last predictions, threshold and suppression; it needs a model
 * with a negative class. The stream's rate may differ from the model's: windows are cut in seconds and
 * resampled to the model's steps.
 * @example
 * imu$.pipe(gestureEvents(model)).subscribe((e) => console.log(e.time, e.label, e.score));
 */
export function gestureEvents(model: GestureModel, options: GestureEventOptions = {}): OperatorFunction<SampleChunk, GestureEvent> {
  const config = model.config;
  const mode = options.mode ?? 'trigger';
  return chunkOperator<GestureEvent>('gesture-events', (first) => {
    if (first.channels !== config.channels) {
      throw new InputError('gesture-events', `input has ${first.channels} channels; the model takes ${config.channels} (${config.channels === 6 ? 'aX..gZ' : 'aX, aY, aZ'})`, first.index);
    }
    const rate = first.sampleRate;
    const channels = first.channels;
    if (mode === 'trigger') {
      const trigger = new MotionTrigger(
        createTriggerPlan({ sampleRate: rate, channels, window: config.window, preTrigger: config.preTrigger, threshold: options.threshold ?? config.threshold }),
        first.index,
      );
      return {
        push(chunk, emit) {
          if (chunk.index !== trigger.expectedIndex) trigger.reset(chunk.index);
          trigger.push(chunk.samples, (c) => {
            const verdict = model.classify(c.samples);
            if (verdict.label === config.negativeLabel && !options.includeNegative) return;
            const endIndex = c.start + c.samples.length / channels;
            emit({ time: c.trigger / rate, label: verdict.label, score: verdict.score, start: c.start / rate, end: endIndex / rate, endIndex });
          });
        },
      };
    }
    if (config.negativeLabel === undefined) {
      throw new InputError('gesture-events', `sliding windows need a model with a negative (no gesture) class; this one has only ${config.labels.join(', ')}: use the trigger mode`);
    }
    const length = Math.round(config.window * rate);
    const hopSeconds = options.hop ?? 0.1;
    const hop = Math.max(1, Math.round(hopSeconds * rate));
    const framer = new Framer(createFramingPlan({ length, hop, channels }), first.index);
    const smoother = new PosteriorSmoother(
      createSmootherPlan({
        classes: config.labels.length,
        negative: config.labels.indexOf(config.negativeLabel),
        average: options.average ?? 3,
        threshold: options.minScore ?? 0.7,
        suppress: Math.round((options.suppress ?? 1) / (hop / rate)),
        // A gesture passes through a window in about a window's time: a detection lasts no longer.
        hold: Math.max(1, Math.round(length / hop)),
      }),
    );
    return {
      push(chunk, emit) {
        if (chunk.index !== framer.expectedIndex) {
          framer.reset(chunk.index);
          smoother.reset();
        }
        framer.push(chunk.samples, (frame, start) => {
          const [probabilities] = model.probabilities([model.prepare(frame.slice())]);
          const hit = smoother.push(probabilities!);
          if (!hit) return;
          // The verdict is about the window where the gesture was clearest, a few hops back.
          const peakStart = start - hit.windowsAgo * hop;
          const endIndex = start + length;
          emit({ time: endIndex / rate, label: config.labels[hit.label]!, score: hit.score, start: peakStart / rate, end: (peakStart + length) / rate, endIndex });
        });
      },
    };
  });
}
