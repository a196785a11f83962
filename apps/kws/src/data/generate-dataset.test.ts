import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParameterError } from '@sensorkit/dsp';
import { loadDataset, readWav } from '@sensorkit/io';
import { generateKeywordDataset, type GeneratedDataset } from './generate-dataset.js';
import type { KeywordDatasetOptions } from './generate-options.js';
import { HELD_OUT_NOISE_FILE, TRAINING_NOISE_FILES } from './background-noise.js';
import { readKeywordDataset, type KeywordDataset } from './read-dataset.js';
import { SynthesizerMissingError } from './run-synthesizer.js';
import { meanSquare } from './speech-span.js';

// A tiny set from all three synthesizers: 4 espeak-ng speakers and 4 recorded people (flite, festival),
// so each family gives one speaker to validation and one to test. Recorded voices in train speak twice
// (recordedBoost 2): 4 + 2 x 2 + 1 + 1 = 10 renditions x (2 words + 1 unknown + 1 silence) = 40 clips. A missing synthesizer fails here with SynthesizerMissingError naming its package.
const VOICES = [
  'espeak-ng:en-us+f3', 'espeak-ng:en-gb+m3', 'espeak-ng:en-029+klatt', 'espeak-ng:en-gb-scotland+f1',
  'flite:slt', 'flite:rms', 'flite:awb', 'festival:kal_diphone',
];
const SNR: [number, number] = [10, 20];
const options = (out: string, extra: Partial<KeywordDatasetOptions> = {}): KeywordDatasetOptions => ({
  out, words: ['yes', 'left'], voices: VOICES, recordedBoost: 2, seed: 7, test: 0.25, validation: 0.25,
  augmentation: { snrDb: SNR }, writeParts: true, ...extra,
});

let root: string;
let generated: GeneratedDataset;
let data: KeywordDataset;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kws-generate-'));
  generated = await generateKeywordDataset(options(join(root, 'a')));
  data = await readKeywordDataset(join(root, 'a'));
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const part = async (clipFile: string, which: 'speech' | 'noise'): Promise<Float32Array> =>
  (await readWav(join(data.dir, 'parts', clipFile.replace(/\.wav$/, `.${which}.wav`)))).samples;

describe('generateKeywordDataset', () => {
  it('writes the labels in model order with every class the same size', () => {
    expect(data.labels).toEqual(['yes', 'left', '_unknown_', '_silence_']);
    const counts = data.labels.map((l) => data.clips.filter((c) => c.label === l).length);
    expect(counts).toEqual([10, 10, 10, 10]);
    expect(generated.summary.clips).toBe(40);
    // The boost for the few recorded people applies to training only: held out, every voice weighs the same.
    const renditions = (split: string): number[] => data.clips.filter((c) => c.label === 'yes' && c.split === split && !c.voice!.startsWith('espeak-ng')).map(() => 1);
    expect(renditions('train').length).toBe(4);
    expect(renditions('validation').length).toBe(1);
    expect(renditions('test').length).toBe(1);
    for (const split of ['train', 'validation', 'test'] as const) {
      const perLabel = data.labels.map((l) => data.clips.filter((c) => c.label === l && c.split === split).length);
      expect(new Set(perLabel).size, split).toBe(1);
      expect(generated.summary.clipsPerLabel.yes![split]).toBe(perLabel[0]);
    }
  });

  it('splits by speaker: no voice or speaker in two splits, and every split has some', () => {
    const speakersOf = (split: string): Set<string> => new Set(data.clips.filter((c) => c.split === split && c.speaker).map((c) => c.speaker!));
    const train = speakersOf('train');
    const validation = speakersOf('validation');
    const test = speakersOf('test');
    expect(validation.size).toBeGreaterThan(0);
    expect(test.size).toBeGreaterThan(0);
    for (const s of test) expect(train.has(s) || validation.has(s), s).toBe(false);
    for (const s of validation) expect(train.has(s), s).toBe(false);
    const voices = data.kws.voices;
    expect([...voices.train, ...voices.validation, ...voices.test].sort()).toEqual([...VOICES].sort());
    for (const c of data.clips) if (c.voice) expect(voices[c.split]).toContain(c.voice);
    // flite slt / festival cmu_us_slt_arctic_hts and flite kal / festival kal_diphone are one person each.
    expect(data.clips.find((c) => c.voice === 'festival:kal_diphone')!.speaker).toBe('person:kal');
  });

  it('writes 1 s of 16 kHz mono 16-bit audio per clip, readable as a sensorkit dataset too', async () => {
    for (const clip of data.clips) {
      const wav = await readWav(clip.path, { strict: true });
      expect([wav.sampleRate, wav.channels, wav.samples.length, wav.format]).toEqual([16000, 1, 16000, 'pcm16']);
    }
    const generic = await loadDataset(data.dir);
    expect(generic.entries.length).toBe(40);
    expect((await data.readSamples(data.clips[0]!)).length).toBe(16000);
  });

  it('puts the word where the manifest says, with its energy inside that span', async () => {
    const spoken = data.clips.filter((c) => c.label !== '_silence_');
    expect(spoken.length).toBe(30);
    for (const clip of spoken) {
      const a = clip.augmentation;
      const start = Math.round(a.offsetSeconds! * 16000);
      const end = start + Math.round(a.speechSeconds! * 16000);
      const speech = await part(clip.file, 'speech');
      expect(meanSquare(speech, 0, start), clip.file).toBe(0); // nothing before the word
      // Most of the speech energy lies in the word's span (the rest is the room's tail after it), even
      // where a band-pass took away what the synthesizer put at the start.
      const total = meanSquare(speech) * 16000;
      const span = meanSquare(speech, start, Math.min(16000, end + 1600)) * (Math.min(16000, end + 1600) - start);
      expect(span / total, clip.file).toBeGreaterThan(0.5);
      expect(a.speechSeconds!).toBeGreaterThan(0.15);
      const mix = await data.readSamples(clip);
      const inside = meanSquare(mix, start, end);
      const outside = (meanSquare(mix, 0, start) * start + meanSquare(mix, end, 16000) * (16000 - end)) / (16000 - (end - start));
      expect(10 * Math.log10(inside / outside), clip.file).toBeGreaterThan(3);
    }
  });

  it('mixes noise at an SNR inside the requested range, measured from the parts', async () => {
    for (const clip of data.clips.filter((c) => c.label !== '_silence_')) {
      const a = clip.augmentation;
      const start = Math.round(a.offsetSeconds! * 16000);
      const end = start + Math.round(a.speechSeconds! * 16000);
      const speech = await part(clip.file, 'speech');
      const noise = await part(clip.file, 'noise');
      const snr = 10 * Math.log10(meanSquare(speech, start, end) / meanSquare(noise, start, end));
      expect(snr, clip.file).toBeGreaterThanOrEqual(SNR[0] - 0.01);
      expect(snr, clip.file).toBeLessThanOrEqual(SNR[1] + 0.01);
      expect(snr).toBeCloseTo(a.snrDb!, 2);
      // The clip is exactly the sum of its parts, to 16-bit rounding.
      const mix = await data.readSamples(clip);
      let worst = 0;
      for (let i = 0; i < 16000; i++) worst = Math.max(worst, Math.abs(mix[i]! - speech[i]! - noise[i]!));
      expect(worst).toBeLessThanOrEqual(1 / 32768 + 1e-7);
    }
  });

  it('makes _silence_ from noise alone, and keeps the held-out recording out of train and validation', async () => {
    const silence = data.clips.filter((c) => c.label === '_silence_');
    for (const clip of silence) {
      expect(clip.voice).toBeNull();
      expect(meanSquare(await part(clip.file, 'speech'))).toBe(0);
      expect(meanSquare(await data.readSamples(clip)), clip.file).toBeGreaterThan(0);
    }
    const files = (split: string): Set<string | undefined> => new Set(data.clips.filter((c) => c.split === split && c.augmentation.noise === 'recording').map((c) => c.augmentation.noiseFile));
    expect([...files('train'), ...files('validation')].every((f) => TRAINING_NOISE_FILES.includes(f!))).toBe(true);
    expect([...files('test')]).toEqual([HELD_OUT_NOISE_FILE]);
    expect(data.kws.noise.heldOut).toBe(HELD_OUT_NOISE_FILE);
  });

  it('gives the same files for the same seed (with one synthesizer at a time or two), other files for another seed', async () => {
    const again = await generateKeywordDataset(options(join(root, 'b'), { writeParts: false, jobs: 1 }));
    expect(again.manifest.samples).toEqual(generated.manifest.samples.map((s) => ({ ...s, recordedAt: again.manifest.created })));
    for (const s of generated.manifest.samples) {
      expect(Buffer.compare(await readFile(join(root, 'a', s.file)), await readFile(join(root, 'b', s.file))), s.file).toBe(0);
    }
    const other = await generateKeywordDataset(options(join(root, 'c'), { writeParts: false, seed: 8, voices: VOICES.slice(0, 4), engines: ['espeak-ng'] }));
    const first = other.manifest.samples.find((s) => s.voice === 'espeak-ng:en-us+f3' && s.label === 'yes')!;
    const before = generated.manifest.samples.find((s) => s.voice === 'espeak-ng:en-us+f3' && s.label === 'yes')!;
    expect(first.seed).not.toBe(before.seed);
    expect(Buffer.compare(await readFile(join(root, 'c', first.file)), await readFile(join(root, 'a', before.file)))).not.toBe(0);
  }, 30_000);
});

describe('generateKeywordDataset errors', () => {
  it('names the word with characters it cannot speak, and an empty list', async () => {
    await expect(generateKeywordDataset({ out: join(root, 'x'), words: ['yes', 'no!'] })).rejects.toThrow(/words = "no!"; expected a word or phrase of English letters/);
    await expect(generateKeywordDataset({ out: join(root, 'x'), words: [] })).rejects.toThrow(ParameterError);
    await expect(generateKeywordDataset({ out: join(root, 'x'), words: [] })).rejects.toThrow(/at least one word/);
  });

  it('refuses an --out that is a file or a folder holding something else', async () => {
    const file = join(root, 'file.txt');
    await writeFile(file, 'x');
    await expect(generateKeywordDataset(options(file))).rejects.toThrow(/out = ".*file.txt"; expected a folder/);
    await expect(generateKeywordDataset(options(join(root, 'a')))).rejects.toThrow(/pass --force to replace/);
    await expect(generateKeywordDataset(options(root))).rejects.toThrow(/not a keyword dataset/);
  });

  it('names the Debian package of a synthesizer that is not installed', async () => {
    const path = process.env.PATH;
    process.env.PATH = join(root, 'no-such-bin');
    try {
      const err = await generateKeywordDataset(options(join(root, 'y'))).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SynthesizerMissingError);
      expect((err as Error).message).toMatch(/espeak-ng is not installed; install the Debian package espeak-ng/);
    } finally {
      process.env.PATH = path;
    }
  });
});
