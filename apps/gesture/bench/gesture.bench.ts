/**
 * Gesture classification speed with the shipped model (models/gesture), one core: how many captured
 * gestures per second the model classifies (one at a time, as live, and in batches of 32), and the
 * end-to-end latency of the live path: a generated stream pushed in 10 ms chunks through the trigger and
 * the model, timed from the push of the chunk holding a gesture window's last reading to its label.
 */
import { fileURLToPath } from 'node:url';
import { Subject } from 'rxjs';
import type { SampleChunk } from '@sensorkit/dsp';
import { describeBackend, initBackend } from '@sensorkit/ml';
import { GESTURES, generateGestureSet, generateGestureStream, gestureEvents, loadGestureModel, type Gesture } from '../src/index.js';

export interface GestureBenchResult {
  backend: string;
  /** gestures classified per second, one window per call (the live case) */
  perSecond: number;
  /** gestures classified per second in batches of 32 (offline evaluation) */
  perSecondBatched: number;
  /** ms from the last reading of a gesture's window to its label: median and 95th percentile */
  latencyMs: { median: number; p95: number };
  /** s from the start of a gesture to its label (the capture window after the trigger, plus compute) */
  delaySeconds: number;
  /** gestures found / gestures in the stream, and how many were named right */
  found: number;
  correct: number;
  gestures: number;
}

const MODEL = fileURLToPath(new URL('../../../models/gesture', import.meta.url));

/** Runs the benchmark with `windows` captured gestures for throughput and a stream of `streamGestures` for latency. */
export async function runGestureBench(windows = 256, streamGestures = 24): Promise<GestureBenchResult> {
  await initBackend();
  const { model } = await loadGestureModel(MODEL);
  const set = generateGestureSet({ persons: Math.ceil(windows / 70), perPerson: 10, seed: 99, firstPerson: 500 });
  const inputs = set.examples.slice(0, windows).map((e) => e.samples);
  model.classifyMany(inputs.slice(0, 8)); // warm-up: kernels compiled, weights uploaded
  let start = performance.now();
  for (const x of inputs) model.classify(x);
  const perSecond = inputs.length / ((performance.now() - start) / 1000);
  start = performance.now();
  for (let i = 0; i < inputs.length; i += 32) model.classifyMany(inputs.slice(i, i + 32));
  const perSecondBatched = inputs.length / ((performance.now() - start) / 1000);

  const gestures = Array.from({ length: streamGestures }, (_, i): Gesture => GESTURES[i % GESTURES.length]!);
  const stream = generateGestureStream({ gestures, seed: 98 });
  const rate = stream.sampleRate;
  const chunkFrames = Math.round(rate / 100);
  const chunks = new Subject<SampleChunk>();
  const latencies: number[] = [];
  const delays: number[] = [];
  const labels: string[] = [];
  let pushedAt = 0;
  chunks.pipe(gestureEvents(model)).subscribe((e) => {
    latencies.push(performance.now() - pushedAt);
    labels.push(e.label);
    const truth = stream.truth.find((t) => Math.abs(t.start - e.time) < 0.5);
    if (truth) delays.push(e.end - truth.start + (performance.now() - pushedAt) / 1000);
  });
  const frames = stream.samples.length / 6;
  for (let at = 0; at < frames; at += chunkFrames) {
    const end = Math.min(frames, at + chunkFrames);
    pushedAt = performance.now();
    chunks.next({ samples: stream.samples.subarray(at * 6, end * 6), sampleRate: rate, channels: 6, index: at });
  }
  chunks.complete();
  model.network.dispose();
  latencies.sort((a, b) => a - b);
  const quantile = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return {
    backend: describeBackend(),
    perSecond,
    perSecondBatched,
    latencyMs: { median: quantile(0.5), p95: quantile(0.95) },
    delaySeconds: delays.reduce((a, b) => a + b, 0) / Math.max(1, delays.length),
    found: labels.length,
    correct: labels.filter((l, i) => l === stream.truth[i]?.label).length,
    gestures: stream.truth.length,
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) console.log(JSON.stringify(await runGestureBench(), null, 2));
