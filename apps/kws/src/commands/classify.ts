import { Command, Option } from 'commander';
import { InputError } from '@sensorkit/dsp';
import { readWavHeader } from '@sensorkit/io';
import { describeBackend, initBackend, type BackendPreference } from '@sensorkit/ml';
import { readMono, to16k } from '../data/read-mono.js';
import { KWS_WINDOW_SAMPLES, windowFeatures } from '../features/front-end.js';
import { applyNormalizer } from '../features/normalizer.js';
import { DEFAULT_KWS_MODEL_DIR, loadKwsModel, scoreWindows } from '../model/kws-model.js';
import type { CommandIo } from './command-io.js';

/** One classified clip. */
export interface ClipResult {
  file: string;
  label: string;
  score: number;
  scores: Record<string, number>;
}

/**
 * `sensorkit kws classify <wav...> [--model <dir>] [--json]`: one line per clip: file, label, score and
 * every class score. Any rate and channel count (resampled to 16 kHz, downmixed, with a notice); a clip
 * that is not 1 s long is padded, or its loudest second is classified (with a notice).
 * @example
 * sensorkit kws classify yes.wav no.wav --json
 */
export function classifyCommand(io: CommandIo): Command {
  return new Command('classify')
    .description('classify 1 s WAV clips with a keyword model: label, score and every class score per file')
    .argument('<wav...>', 'WAV files (any rate or channel count)')
    .option('-m, --model <dir>', 'keyword model folder', DEFAULT_KWS_MODEL_DIR)
    .option('--json', 'one JSON object per line')
    .addOption(new Option('--backend <name>', 'TF.js backend').choices(['auto', 'wasm', 'cpu']).default('auto'))
    .action(async (files: string[], o: Record<string, unknown>) => {
      await initBackend(o.backend as BackendPreference);
      io.stderr.write(`sensorkit: ${describeBackend()}\n`);
      const kws = await loadKwsModel(o.model as string);
      const notice = (message: string): void => void io.stderr.write(`sensorkit: ${message}\n`);
      for (const file of files) {
        const result = await classifyFile(kws, file, notice);
        io.stdout.write(`${o.json ? JSON.stringify(result) : formatResult(result)}\n`);
      }
    });
}

/** Reads, converts and classifies one file. */
export async function classifyFile(kws: Awaited<ReturnType<typeof loadKwsModel>>, file: string, notice: (message: string) => void): Promise<ClipResult> {
  const { samples, sampleRate, channels } = await readClip(file);
  if (channels > 1) notice(`${file}: ${channels} channels downmixed to mono`);
  if (sampleRate !== 16000) notice(`${file}: resampled from ${sampleRate} Hz to 16000 Hz`);
  if (samples.length === 0) throw new InputError('kws classify', `${file}: no samples; expected about 1 s of audio`);
  const clip = oneSecond(to16k(samples, sampleRate), file, notice);
  const features = applyNormalizer(kws.normalizer, windowFeatures(kws.frontEnd, clip));
  const scores = scoreWindows(kws, features, 1);
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
  return {
    file,
    label: kws.labels[best]!,
    score: round(scores[best]!),
    scores: Object.fromEntries(kws.labels.map((l, c) => [l, round(scores[c]!)])),
  };
}

async function readClip(file: string): Promise<{ samples: Float32Array; sampleRate: number; channels: number }> {
  const { samples, sampleRate } = await readMono(file);
  // readMono averages channels; the header says how many there were, for the notice.
  const header = await readWavHeader(file);
  return { samples, sampleRate, channels: header.channels };
}

/** Exactly 1 s: a short clip centred in zeros, a long one cut to its loudest second (10 ms steps). */
function oneSecond(samples: Float32Array, file: string, notice: (message: string) => void): Float32Array {
  if (samples.length === KWS_WINDOW_SAMPLES) return samples;
  const out = new Float32Array(KWS_WINDOW_SAMPLES);
  const seconds = (samples.length / 16000).toFixed(2);
  if (samples.length < KWS_WINDOW_SAMPLES) {
    out.set(samples, Math.floor((KWS_WINDOW_SAMPLES - samples.length) / 2));
    notice(`${file}: ${seconds} s long; centred in 1 s of silence`);
    return out;
  }
  let energy = 0;
  for (let i = 0; i < KWS_WINDOW_SAMPLES; i++) energy += samples[i]! ** 2;
  let best = 0;
  let bestEnergy = energy;
  for (let start = 160; start + KWS_WINDOW_SAMPLES <= samples.length; start += 160) {
    for (let i = start - 160; i < start; i++) energy -= samples[i]! ** 2;
    for (let i = start + KWS_WINDOW_SAMPLES - 160; i < start + KWS_WINDOW_SAMPLES; i++) energy += samples[i]! ** 2;
    if (energy > bestEnergy) {
      bestEnergy = energy;
      best = start;
    }
  }
  notice(`${file}: ${seconds} s long; classifying its loudest second (${(best / 16000).toFixed(2)}-${((best + KWS_WINDOW_SAMPLES) / 16000).toFixed(2)} s)`);
  out.set(samples.subarray(best, best + KWS_WINDOW_SAMPLES));
  return out;
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

function formatResult(r: ClipResult): string {
  const all = Object.entries(r.scores).map(([l, s]) => `${l}=${s.toFixed(3)}`).join(' ');
  return `${r.file}  ${r.label}  ${r.score.toFixed(3)}  ${all}`;
}
