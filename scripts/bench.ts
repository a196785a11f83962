/**
 * `pnpm bench`: every speed number the README quotes, measured on this machine, one core.
 * Run with `node --expose-gc` (the script does) so heap growth is measured after a collection.
 * Results are printed as Markdown tables and saved to bench-results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { runFftBench } from '../packages/dsp/bench/fft.bench.js';
import { runMfccBench } from '../packages/dsp/bench/mfcc.bench.js';
import { printTable } from '../packages/dsp/bench/measure.js';
import { runPipelineBench } from '../packages/dsp/bench/pipeline.bench.js';
import { runAnomalyScoringBench } from '../apps/anomaly/bench/scoring.bench.js';
import { runGestureBench } from '../apps/gesture/bench/gesture.bench.js';

const quick = process.argv.includes('--quick');
console.log(`sensorkit bench on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), node ${process.version}${quick ? ', quick mode' : ''}`);
const results = {
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model,
  node: process.version,
  mfcc: runMfccBench(quick ? 0.5 : 2),
  fft: await runFftBench(),
  pipeline: await runPipelineBench(quick ? 10 : 60),
  anomalyScoring: await runAnomalyScoringBench(quick ? 10 : 30),
  gesture: await runGestureBench(quick ? 64 : 256, quick ? 8 : 24),
};
printTable(
  `Anomaly scoring at 48 kHz, one core (0.5 s windows, 0.25 s hop, 39 features; ${results.anomalyScoring.backend})`,
  ['detector', 'windows', 'µs / window', 'x real time'],
  results.anomalyScoring.rows.map((r) => [r.detector, r.windows, r.microseconds.toFixed(0), r.realTime.toFixed(1)]),
);
const g = results.gesture;
printTable(`Gesture classification, models/gesture, one core (${g.backend})`, ['what', 'measured'], [
  ['gestures classified per second, one window per call (live)', g.perSecond.toFixed(0)],
  ['gestures classified per second, batches of 32', g.perSecondBatched.toFixed(0)],
  ['last reading of a gesture -> its label, median / p95', `${g.latencyMs.median.toFixed(1)} / ${g.latencyMs.p95.toFixed(1)} ms`],
  ['start of a gesture -> its label (capture window + compute)', `${g.delaySeconds.toFixed(2)} s`],
  ['gestures of a stream found / named right', `${g.found} / ${g.correct} of ${g.gestures}`],
]);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nsaved bench-results/latest.json');
