/**
 * `pnpm bench`: every speed number the README quotes, measured on this machine, one core.
 * Run with `node --expose-gc` (the script does) so heap growth is measured after a collection.
 * Results are printed as Markdown tables and saved to bench-results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { runFftBench } from '../packages/dsp/bench/fft.bench.js';
import { runMfccBench } from '../packages/dsp/bench/mfcc.bench.js';
import { runPipelineBench } from '../packages/dsp/bench/pipeline.bench.js';

const quick = process.argv.includes('--quick');
console.log(`sensorkit bench on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), node ${process.version}${quick ? ', quick mode' : ''}`);
const results = {
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model,
  node: process.version,
  mfcc: runMfccBench(quick ? 0.5 : 2),
  fft: await runFftBench(),
  pipeline: await runPipelineBench(quick ? 10 : 60),
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nsaved bench-results/latest.json');
