import { Observable, type OperatorFunction } from 'rxjs';
import { downmix, frames, logMelFrames, mfccFrames, ParameterError, resample, type Frame, type SampleChunk } from '@sensorkit/dsp';
import { KWS_SAMPLE_RATE } from '../features/front-end.js';
import { applyNormalizer } from '../features/normalizer.js';
import { scoreWindows, type KwsModel } from '../model/kws-model.js';
import { LISTEN_DEFAULTS, PosteriorSmoother, type Detection, type ListenOptions } from './posterior-smoother.js';
import { WindowBuffer } from './window-buffer.js';

/** One scored window of a stream. */
export interface ScoredWindow {
  /** s: end of the 1 s window */
  time: number;
  scores: Float32Array;
}

/**
 * Feature frames (the @sensorkit/dsp MFCC or log-mel operator's output) -> class scores of a 1 s window
 * every `stride` seconds. Windows completed while one chunk is processed are scored in one batch (a
 * file replays in large chunks, so inference runs batched; a live source in small ones, so it runs at once).
 */
export function keywordScores(kws: KwsModel, stride: number): OperatorFunction<Frame, ScoredWindow> {
  const { frames: count, width } = kws.frontEnd;
  const hop = kws.frontEnd.framing.hop;
  const strideFrames = Math.round((stride * KWS_SAMPLE_RATE) / hop);
  if (strideFrames < 1 || Math.abs(strideFrames * hop - stride * KWS_SAMPLE_RATE) > 1e-6) {
    throw new ParameterError('kws listen', 'stride', stride, `a whole number of ${(hop / KWS_SAMPLE_RATE) * 1000} ms frames (0.02, 0.04, ... s)`);
  }
  return (source) =>
    new Observable<ScoredWindow>((subscriber) => {
      const buffer = new WindowBuffer(count, width, strideFrames, (frame) => applyNormalizer(kws.normalizer, frame));
      let pending: { time: number; window: Float32Array }[] = [];
      let scheduled = false;
      const flush = (): void => {
        scheduled = false;
        if (pending.length === 0 || subscriber.closed) return;
        const batch = pending;
        pending = [];
        const features = new Float32Array(batch.length * count * width);
        batch.forEach((w, i) => features.set(w.window, i * count * width));
        const scores = scoreWindows(kws, features, batch.length);
        const classes = kws.labels.length;
        batch.forEach((w, i) => subscriber.next({ time: w.time, scores: scores.slice(i * classes, (i + 1) * classes) }));
      };
      const subscription = source.subscribe({
        next(frame) {
          try {
            const window = buffer.push(frame.data);
            if (!window) return;
            pending.push({ time: (frame.index + kws.frontEnd.framing.length) / frame.sampleRate, window });
            if (!scheduled) {
              scheduled = true;
              queueMicrotask(() => {
                try {
                  flush();
                } catch (error) {
                  subscriber.error(error);
                }
              });
            }
          } catch (error) {
            subscriber.error(error);
          }
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          try {
            flush();
            subscriber.complete();
          } catch (error) {
            subscriber.error(error);
          }
        },
      });
      return () => subscription.unsubscribe();
    });
}

/** Scored windows -> detections, through a PosteriorSmoother made per subscription. */
export function smoothDetections(labels: readonly string[], options: ListenOptions = {}): OperatorFunction<ScoredWindow, Detection> {
  return (source) =>
    new Observable<Detection>((subscriber) => {
      const smoother = new PosteriorSmoother(labels, options);
      return source.subscribe({
        next(w) {
          const hit = smoother.push(w.time, w.scores);
          if (hit) subscriber.next(hit);
        },
        error: (error) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}

/**
 * Audio chunks of any rate and channel count -> keyword detections as they happen: downmix, resample to
 * 16 kHz, the model's DSP operators (framing + MFCC / log-mel), windows, the network, posterior smoothing.
 * Options default to the model's calibrated listen settings, then LISTEN_DEFAULTS.
 * @example
 * wavSource('speech.wav').pipe(keywordDetections(kws, { sampleRate: 16000 })).subscribe((d) => console.log(d.time, d.label));
 */
export function keywordDetections(kws: KwsModel, input: { sampleRate: number }, options: ListenOptions = {}): OperatorFunction<SampleChunk, Detection> {
  const settings = { ...LISTEN_DEFAULTS, ...kws.listen, ...options };
  const fe = kws.frontEnd;
  const features = fe.output === 'mfcc' ? mfccFrames(fe.mfcc) : logMelFrames(fe.mfcc.logMel);
  return (source) => {
    const mono = source.pipe(downmix());
    const at16k = input.sampleRate === KWS_SAMPLE_RATE ? mono : mono.pipe(resample({ to: KWS_SAMPLE_RATE }));
    return at16k.pipe(frames(fe.framing), features, keywordScores(kws, settings.stride), smoothDetections(kws.labels, settings));
  };
}
