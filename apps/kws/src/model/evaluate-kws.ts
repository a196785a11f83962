import { classificationReport, confusionMatrix, falseAcceptsPerHour, type ClassificationReport, type ConfusionMatrix } from '@sensorkit/ml';
import { heldOutNoisePath } from '../data/background-noise.js';
import { readMono16k } from '../data/read-mono.js';
import type { KeywordDataset } from '../data/read-dataset.js';
import { applyNormalizer } from '../features/normalizer.js';
import { LISTEN_DEFAULTS, type ListenOptions } from '../listen/posterior-smoother.js';
import type { ScoredWindow } from '../listen/keyword-detections.js';
import { replayDetections, scoreSignal } from '../listen/score-signal.js';
import { clipFeatures } from './dataset-features.js';
import { scoreWindows, type KwsModel } from './kws-model.js';

export interface OperatingPoint {
  threshold: number;
  /** fraction of the held-out keyword clips, streamed one after another, detected as their own word */
  detectionRate: number;
  /** detections per hour of the held-out real noise recording (played at several levels) */
  falseAcceptsPerHour: number;
  falseAccepts: number;
}

export interface KwsEvaluation {
  /** clips of the test voices */
  clips: number;
  report: ClassificationReport<string>;
  confusion: ConfusionMatrix<string>;
  noise: { file: string; seconds: number; gains: number[]; falseAccepts: number; falseAcceptsPerHour: number };
  /** detection rate vs false accepts per hour as the threshold moves (the listen settings otherwise) */
  operatingPoints: OperatingPoint[];
  listen: Required<ListenOptions>;
}

/** Noise levels the held-out recording is replayed at: a quiet, a normal and a loud room. */
const NOISE_GAINS = [0.5, 1, 2, 4];
const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

/**
 * Evaluates a keyword model on the test voices of a dataset: per-clip accuracy, per-class P/R/F1 and the
 * confusion matrix; streamed, the false accepts per hour on the held-out noise recording (never mixed
 * into training) and the keywords' detection rate, at the model's listen settings and across thresholds.
 * @example
 * const ev = await evaluateKws(await loadKwsModel('models/kws-commands'), await readKeywordDataset('datasets/generated/kws'));
 */
export async function evaluateKws(kws: KwsModel, data: KeywordDataset, options: { listen?: ListenOptions; noiseFile?: string } = {}): Promise<KwsEvaluation> {
  const listen = { ...LISTEN_DEFAULTS, ...kws.listen, ...options.listen };
  const test = data.clips.filter((c) => c.split === 'test');
  const features = await clipFeatures(data, test, kws.frontEnd);
  applyNormalizer(kws.normalizer, features.x);
  const classes = kws.labels.length;
  const size = kws.frontEnd.frames * kws.frontEnd.width;
  const predicted: string[] = [];
  for (let start = 0; start < features.count; start += 256) {
    const n = Math.min(256, features.count - start);
    const scores = scoreWindows(kws, features.x.subarray(start * size, (start + n) * size), n);
    for (let i = 0; i < n; i++) predicted.push(kws.labels[argmax(scores.subarray(i * classes, (i + 1) * classes))]!);
  }
  const actual = test.map((c) => c.label);

  // False accepts: the held-out recording at each level, end to end through the streaming path.
  const noiseFile = options.noiseFile ?? heldOutNoisePath();
  const noise = await readMono16k(noiseFile);
  const noiseWindows: ScoredWindow[][] = [];
  for (const gain of NOISE_GAINS) noiseWindows.push(await scoreSignal(kws, noise.map((v) => Math.max(-1, Math.min(1, v * gain))), listen.stride));
  const noiseSeconds = (noise.length / 16000) * NOISE_GAINS.length;

  // Detection rate: the test keyword clips streamed back to back, each followed by 1 s of the held-out noise.
  const targets = test.filter((c) => !c.label.startsWith('_'));
  const gap = noise.subarray(0, 16000);
  const stream = new Float32Array(targets.length * 32000);
  for (let i = 0; i < targets.length; i++) {
    stream.set(await data.readSamples(targets[i]!), i * 32000);
    stream.set(gap, i * 32000 + 16000);
  }
  const streamWindows = targets.length > 0 ? await scoreSignal(kws, stream, listen.stride) : [];
  const point = (threshold: number): OperatingPoint => {
    const settings = { ...listen, threshold };
    const falseAccepts = noiseWindows.reduce((n, w) => n + replayDetections(w, kws.labels, settings).length, 0);
    // A clip counts as detected when its own word is reported while the clip, or the second after it, plays.
    const hit = new Set<number>();
    for (const d of replayDetections(streamWindows, kws.labels, settings)) {
      const i = Math.floor((d.time - 0.0001) / 2);
      if (i >= 0 && i < targets.length && targets[i]!.label === d.label) hit.add(i);
    }
    return { threshold, detectionRate: targets.length > 0 ? hit.size / targets.length : 0, falseAccepts, falseAcceptsPerHour: falseAcceptsPerHour(falseAccepts, noiseSeconds) };
  };
  const atDefault = point(listen.threshold);
  return {
    clips: test.length,
    report: classificationReport(actual, predicted, [...kws.labels]),
    confusion: confusionMatrix(actual, predicted, [...kws.labels]),
    noise: { file: noiseFile, seconds: noiseSeconds, gains: NOISE_GAINS, falseAccepts: atDefault.falseAccepts, falseAcceptsPerHour: atDefault.falseAcceptsPerHour },
    operatingPoints: [...new Set([...THRESHOLDS, listen.threshold])].sort((a, b) => a - b).map(point),
    listen,
  };
}

function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
