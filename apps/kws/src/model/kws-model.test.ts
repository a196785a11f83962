import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResamplePlan, resampleSignal } from '@sensorkit/dsp';
import { capturedOutput, writeWav } from '@sensorkit/io';
import { initBackend, setSeed } from '@sensorkit/ml';
import { classifyCommand } from '../commands/classify.js';
import { listenCommand } from '../commands/listen.js';
import { generateKeywordDataset } from '../data/generate-dataset.js';
import { readKeywordDataset, type KeywordDataset } from '../data/read-dataset.js';
import { applyNormalizer } from '../features/normalizer.js';
import { windowFeatures } from '../features/front-end.js';
import { evaluateKws, type KwsEvaluation } from './evaluate-kws.js';
import { loadKwsModel, saveKwsModel, scoreWindows } from './kws-model.js';
import { trainKws, type TrainedKws } from './train-kws.js';

// A tiny dataset (two words, 24 espeak-ng voices split by voice) and a tiny DS-CNN (16 channels, 2 blocks):
// about half a minute in all, the same code path as the shipped models.
let root: string;
let data: KeywordDataset;
let trained: TrainedKws;
let evaluation: KwsEvaluation;
let modelDir: string;

beforeAll(async () => {
  await initBackend();
  setSeed(1);
  root = await mkdtemp(join(tmpdir(), 'kws-model-'));
  await generateKeywordDataset({ out: join(root, 'data'), words: ['yes', 'left'], voices: 24, engines: ['espeak-ng'], perVoice: 2, seed: 3, test: 0.25, validation: 0.2 });
  data = await readKeywordDataset(join(root, 'data'));
  trained = await trainKws(data, {
    epochs: 15, batchSize: 16, learningRate: 0.01, patience: 5, seed: 1, progress: false,
    network: { channels: 16, blocks: 2, stridedBlocks: 1 },
  });
  evaluation = await evaluateKws(trained.kws, data);
  modelDir = join(root, 'model');
  await saveKwsModel(modelDir, trained.kws, { training: trained.config, dataset: { fingerprint: trained.fingerprint } });
}, 300_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function run(make: typeof classifyCommand, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const out = capturedOutput();
  await new Command().exitOverride().addCommand(make(out)).parseAsync(args, { from: 'user' });
  return out.text();
}

describe('trainKws + evaluateKws', () => {
  it('beats chance (1/4) widely on voices it never heard', () => {
    const voices = data.kws.voices;
    expect(voices.test.filter((v) => voices.train.includes(v))).toEqual([]);
    expect(evaluation.clips).toBe(data.clips.filter((c) => c.split === 'test').length);
    expect(evaluation.report.accuracy).toBeGreaterThan(0.5);
    expect(evaluation.confusion.total).toBe(evaluation.clips);
    expect(trained.config.parameters).toBe(trained.kws.model.countParams());
  });

  it('measures false accepts on the held-out noise and a detection rate that falls as the threshold rises', () => {
    expect(evaluation.noise.file).toMatch(/exercise_bike\.wav$/);
    expect(evaluation.noise.seconds).toBeGreaterThan(4 * 60);
    const rates = evaluation.operatingPoints.map((p) => p.detectionRate);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    const fa = evaluation.operatingPoints.map((p) => p.falseAccepts);
    expect(fa).toEqual([...fa].sort((a, b) => b - a));
    expect(evaluation.noise.falseAcceptsPerHour).toBeCloseTo((evaluation.noise.falseAccepts * 3600) / evaluation.noise.seconds, 9);
  });
});

describe('keyword model folder', () => {
  it('loads back with identical outputs, labels, front end and normaliser', async () => {
    const loaded = await loadKwsModel(modelDir);
    expect(loaded.labels).toEqual(data.labels);
    expect(loaded.frontEnd.descriptions).toEqual(trained.kws.frontEnd.descriptions);
    expect(loaded.normalizer).toEqual(trained.kws.normalizer);
    const clips = data.clips.filter((c) => c.split === 'test').slice(0, 8);
    const x = new Float32Array(clips.length * 490);
    for (const [i, c] of clips.entries()) windowFeatures(loaded.frontEnd, await data.readSamples(c), x.subarray(i * 490, (i + 1) * 490));
    applyNormalizer(loaded.normalizer, x);
    expect(Array.from(scoreWindows(loaded, x, clips.length))).toEqual(Array.from(scoreWindows(trained.kws, x, clips.length)));
  });

  it('refuses a folder of another kind or with a changed DSP plan', async () => {
    const other = join(root, 'other');
    await saveKwsModel(other, trained.kws, { training: {}, dataset: { fingerprint: 'x' } });
    const meta = JSON.parse(await readFile(join(other, 'metadata.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(other, 'metadata.json'), JSON.stringify({ ...meta, dsp: [{ block: 'mfcc', version: 1, options: {} }] }));
    await expect(loadKwsModel(other)).rejects.toThrow(/DSP plans \[.*\] differ from this kit's mlperf-kws \(.*\); retrain the model/);
    await writeFile(join(other, 'metadata.json'), JSON.stringify({ ...meta, kind: 'anomaly-detector' }));
    await expect(loadKwsModel(other)).rejects.toThrow(/kind "anomaly-detector"; expected "keyword-spotter"/);
  });
});

describe('kws classify', () => {
  it('classifies clips at any rate and channel count, with a notice, as the library does', async () => {
    const clip = data.clips.find((c) => c.split === 'test' && c.label === 'yes')!;
    const samples = await data.readSamples(clip);
    const stereo44k = resampleSignal(createResamplePlan({ from: 16000, to: 44100 }), samples);
    const interleaved = new Float32Array(stereo44k.length * 2);
    stereo44k.forEach((v, i) => interleaved.set([v, v], 2 * i));
    const file = join(root, 'stereo44k.wav');
    await writeWav(file, { samples: interleaved, sampleRate: 44100, channels: 2 });
    const { stdout, stderr } = await run(classifyCommand, ['classify', clip.path, file, '--model', modelDir, '--json']);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; label: string; score: number; scores: Record<string, number> });
    expect(lines.map((l) => l.file)).toEqual([clip.path, file]);
    expect(Object.keys(lines[0]!.scores)).toEqual(data.labels);
    expect(lines[0]!.score).toBe(Math.max(...Object.values(lines[0]!.scores)));
    expect(lines[1]!.label).toBe(lines[0]!.label); // the same word after a round trip through 44.1 kHz stereo
    expect(stderr).toMatch(/stereo44k.wav: 2 channels downmixed to mono/);
    expect(stderr).toMatch(/stereo44k.wav: resampled from 44100 Hz to 16000 Hz/);
  });

  it('uses the shipped 12-class command model when --model is omitted', async () => {
    const clip = data.clips.find((c) => c.split === 'test' && c.label === 'left')!;
    const { stdout } = await run(classifyCommand, ['classify', clip.path, '--json']);
    const result = JSON.parse(stdout) as { scores: Record<string, number> };
    expect(Object.keys(result.scores)).toEqual(['yes', 'no', 'up', 'down', 'left', 'right', 'on', 'off', 'stop', 'go', '_unknown_', '_silence_']);
  });

  it('names a corrupt or missing WAV', async () => {
    const bad = join(root, 'bad.wav');
    await writeFile(bad, Buffer.from('RIFF\x10\x00\x00\x00WAVEjunk', 'latin1'));
    await expect(run(classifyCommand, ['classify', bad, '--model', modelDir])).rejects.toThrow(/bad\.wav/);
    await expect(run(classifyCommand, ['classify', join(root, 'none.wav'), '--model', modelDir])).rejects.toThrow(/none\.wav/);
    await expect(run(listenCommand, ['listen', '--input', bad, '--model', modelDir])).rejects.toThrow(/bad\.wav/);
    await expect(run(listenCommand, ['listen', '--model', modelDir])).rejects.toThrow(/exactly one of --input <wav> or --mic/);
  });
});

describe('kws listen', () => {
  it('finds words placed at known times in a stream, with their labels, and nothing in between', async () => {
    // Clips the model scores confidently as their word, placed at 1.5, 4.5, 7.5 ... s in quiet noise.
    const picked: { label: string; samples: Float32Array }[] = [];
    for (const clip of data.clips.filter((c) => c.split === 'train' && (c.label === 'yes' || c.label === 'left'))) {
      const samples = await data.readSamples(clip);
      const scores = scoreWindows(trained.kws, applyNormalizer(trained.kws.normalizer, windowFeatures(trained.kws.frontEnd, samples)), 1);
      const want = data.labels.indexOf(clip.label);
      if (scores[want]! > 0.9 && picked.filter((p) => p.label === clip.label).length < 3) picked.push({ label: clip.label, samples });
      if (picked.length === 6) break;
    }
    expect(picked).toHaveLength(6);
    const stream = new Float32Array(20 * 16000);
    picked.forEach((p, i) => stream.set(p.samples, Math.round((1.5 + 3 * i) * 16000)));
    const file = join(root, 'stream.wav');
    await writeWav(file, { samples: stream, sampleRate: 16000, channels: 1 });
    const { stdout } = await run(listenCommand, ['listen', '--input', file, '--model', modelDir, '--json', '--threshold', '0.6']);
    const hits = stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { time: number; label: string; score: number });
    expect(hits.map((h) => h.label)).toEqual(picked.map((p) => p.label));
    // Each detection comes while its clip, or the half second after it, is in the newest window.
    hits.forEach((h, i) => {
      expect(h.time).toBeGreaterThan(1.5 + 3 * i);
      expect(h.time).toBeLessThan(1.5 + 3 * i + 1.6);
    });
  });
});

