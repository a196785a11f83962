import { fileURLToPath } from 'node:url';
import { from, lastValueFrom, reduce } from 'rxjs';
import {
  createButterworthPlan,
  createResamplePlan,
  FEATURE_PRESETS,
  frames,
  mfccFrames,
  Resampler,
  resample,
  SosFilter,
  type SampleChunk,
} from '../src/index.js';
import { printTable, timeBest } from './measure.js';

const CHUNK = 4096;

function noise(n: number, seed = 3): Float32Array {
  let s = seed >>> 0;
  return new Float32Array(n).map(() => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296) - 0.5);
}

function chunksOf(x: Float32Array, sampleRate: number): SampleChunk[] {
  const out: SampleChunk[] = [];
  for (let i = 0; i < x.length; i += CHUNK) out.push({ samples: x.subarray(i, i + CHUNK), sampleRate, channels: 1, index: i });
  return out;
}

export interface PipelineRow {
  task: string;
  seconds: number;
  rtf: number;
}

/** Real-time factors of the streaming blocks on one core, over `seconds` of signal in 4096-sample chunks. */
export async function runPipelineBench(seconds = 60): Promise<PipelineRow[]> {
  const rows: PipelineRow[] = [];
  const at48 = noise(48000 * seconds);
  const at16 = noise(16000 * seconds, 5);
  const out = new Float32Array(CHUNK);

  const butter = createButterworthPlan({ type: 'lowpass', order: 8, sampleRate: 48000, cutoff: 4000 });
  const sos = new SosFilter(butter);
  rows.push({
    task: 'Butterworth order 8 (4 sections) at 48 kHz, core',
    seconds,
    rtf: timeBest(() => {
      for (let i = 0; i < at48.length; i += CHUNK) sos.process(at48.subarray(i, i + CHUNK), out);
    }) / seconds,
  });

  const resamplePlan = createResamplePlan({ from: 48000, to: 16000 });
  const resampler = new Resampler(resamplePlan, 1, CHUNK);
  const resampled = new Float32Array(CHUNK);
  rows.push({
    task: 'resample 48 kHz -> 16 kHz (polyphase, 61 taps/output), core',
    seconds,
    rtf: timeBest(() => {
      resampler.reset();
      for (let i = 0; i < at48.length; i += CHUNK) resampler.push(at48.subarray(i, i + CHUNK), resampled);
    }) / seconds,
  });

  const preset = FEATURE_PRESETS['mlperf-kws'];
  const countFrames = async (chunks: SampleChunk[], withResample: boolean): Promise<number> => {
    const stages = [frames({ length: preset.frameLength, hop: preset.hop }), mfccFrames(preset.mfcc)] as const;
    const source = from(chunks);
    const framed = withResample ? source.pipe(resample({ to: 16000 }), ...stages) : source.pipe(...stages);
    return lastValueFrom(framed.pipe(reduce((n) => n + 1, 0)));
  };
  const chunks16 = chunksOf(at16, 16000);
  const chunks48 = chunksOf(at48, 48000);
  for (const [task, chunks, withResample] of [
    ['MLPerf KWS features (framing + 49x10 MFCC/s), RxJS operators, 16 kHz input', chunks16, false],
    ['same, from 48 kHz input (resample + framing + MFCC), RxJS operators', chunks48, true],
  ] as const) {
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      await countFrames([...chunks], withResample);
      best = Math.min(best, (performance.now() - t) / 1000);
    }
    rows.push({ task, seconds, rtf: best / seconds });
  }

  printTable(
    `Streaming throughput on one core, ${seconds} s of signal in ${CHUNK}-sample chunks (real-time factor = processing s / signal s)`,
    ['task', 'real-time factor', 'x real time'],
    rows.map((r) => [r.task, r.rtf.toExponential(2), `${Math.round(1 / r.rtf).toLocaleString('en-US')}x`]),
  );
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runPipelineBench();
