import { from, lastValueFrom, toArray } from 'rxjs';
import { frames, logMelFrames, mfccFrames, type SampleChunk } from '@sensorkit/dsp';
import { KWS_SAMPLE_RATE } from '../features/front-end.js';
import type { KwsModel } from '../model/kws-model.js';
import { keywordScores, type ScoredWindow } from './keyword-detections.js';
import { LISTEN_DEFAULTS, PosteriorSmoother, type Detection, type ListenOptions } from './posterior-smoother.js';

/**
 * Scores every window of a whole 16 kHz mono signal through the same operators `listen` uses, fed in
 * 1 s chunks (inference batched per chunk). Evaluation keeps the windows and replays the smoother over
 * them at many thresholds instead of re-running the network.
 */
export async function scoreSignal(kws: KwsModel, samples: Float32Array, stride = LISTEN_DEFAULTS.stride): Promise<ScoredWindow[]> {
  const fe = kws.frontEnd;
  const chunks: SampleChunk[] = [];
  for (let i = 0; i < samples.length; i += KWS_SAMPLE_RATE) {
    chunks.push({ samples: samples.subarray(i, Math.min(i + KWS_SAMPLE_RATE, samples.length)), sampleRate: KWS_SAMPLE_RATE, channels: 1, index: i });
  }
  const features = fe.output === 'mfcc' ? mfccFrames(fe.mfcc) : logMelFrames(fe.mfcc.logMel);
  return lastValueFrom(from(chunks).pipe(frames(fe.framing), features, keywordScores(kws, stride), toArray()));
}

/** The detections a PosteriorSmoother makes over already scored windows. */
export function replayDetections(windows: readonly ScoredWindow[], labels: readonly string[], options: ListenOptions = {}): Detection[] {
  const smoother = new PosteriorSmoother(labels, options);
  const out: Detection[] = [];
  for (const w of windows) {
    const hit = smoother.push(w.time, w.scores);
    if (hit) out.push(hit);
  }
  return out;
}
