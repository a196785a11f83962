import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWav } from '@sensorkit/io';
import { readKeywordDataset } from './read-dataset.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kws-read-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const entry = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  file: 'yes/yes.1.wav', label: 'yes', sampleRate: 16000, channels: 1, axes: ['audio'], units: ['normalized'],
  source: 'synth:espeak-ng:en-us+f3', recordedAt: '2026-01-01T00:00:00.000Z', frames: 16000, durationSeconds: 1,
  split: 'train', voice: 'espeak-ng:en-us+f3', speaker: 'espeak-ng:+f3', text: 'yes', seed: 1, augmentation: { noise: 'white', reverb: null, band: null, peakDbfs: -6 },
  ...over,
});

async function dataset(name: string, samples: Record<string, unknown>[], kws: unknown = { labels: ['yes', '_unknown_', '_silence_'], seed: 1, wakeWord: null }): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, 'yes'), { recursive: true });
  await writeWav(join(dir, 'yes', 'yes.1.wav'), { sampleRate: 16000, channels: 1, samples: new Float32Array(16000).fill(0.25) });
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ format: 'sensorkit-dataset', version: 1, name, created: '2026-01-01T00:00:00.000Z', kws, samples }));
  return dir;
}

describe('readKeywordDataset', () => {
  it('reads clips with their class index and samples', async () => {
    const data = await readKeywordDataset(await dataset('ok', [entry()]));
    expect(data.clips.map((c) => [c.label, c.labelIndex, c.split, c.voice])).toEqual([['yes', 0, 'train', 'espeak-ng:en-us+f3']]);
    const x = await data.readSamples(data.clips[0]!);
    expect(x.length).toBe(16000);
    expect(x[100]).toBeCloseTo(0.25, 4);
  });

  it('says what is wrong with a folder that is not a keyword dataset', async () => {
    await expect(readKeywordDataset(join(root, 'none'))).rejects.toThrow(/is not a keyword dataset \(make one with `sensorkit kws generate`\)/);
    await expect(readKeywordDataset(await dataset('plain', [entry()], null))).rejects.toThrow(/no "kws" block/);
    await expect(readKeywordDataset(await dataset('label', [entry({ label: 'no', file: 'yes/yes.1.wav' })]))).rejects.toThrow(/label "no" is not one of kws.labels/);
    await expect(readKeywordDataset(await dataset('split', [entry({ split: 'dev' })]))).rejects.toThrow(/split = "dev"; expected one of train, validation, test/);
    await expect(readKeywordDataset(await dataset('missing', [entry({ file: 'yes/yes.2.wav' })]))).rejects.toThrow(/yes\/yes.2.wav" is missing/);
  });
});
