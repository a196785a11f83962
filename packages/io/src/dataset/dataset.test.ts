import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRandom, InputError, ParameterError } from '@sensorkit/dsp';
import { FormatError } from '../errors.js';
import { DatasetWriter } from './dataset-writer.js';
import { loadDataset, readSample } from './dataset-loader.js';
import { MANIFEST_FILE } from './manifest.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sensorkit-dataset-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const random = createRandom(7);
const noise = (n: number, scale = 1): Float32Array => new Float32Array(n).map(() => scale * random.gaussian());
const at = new Date('2026-03-04T05:06:07.000Z');
const now = (): Date => at;

describe('dataset writer and loader', () => {
  it('writes audio as WAV and sensor axes as CSV, and reads back exactly the float32 readings', async () => {
    const writer = await DatasetWriter.open(dir, { name: 'demo', now });
    const audio = noise(1600, 0.3);
    // Values that a short decimal form would not round-trip: tiny, huge, negative zero's neighbours.
    const imu = noise(6 * 50, 2);
    imu.set([1e-7, -3.4e38, 0.1, 1 / 3, -1e-30, 123456.789]);
    const a = await writer.add({ label: 'yes', samples: audio, sampleRate: 16000, channels: 1, source: 'mic:default' });
    const b = await writer.add({
      label: 'punch',
      samples: imu,
      sampleRate: 119.5,
      channels: 6,
      axes: ['aX', 'aY', 'aZ', 'gX', 'gY', 'gZ'],
      units: ['g', 'g', 'g', 'deg/s', 'deg/s', 'deg/s'],
      source: 'serial:/dev/ttyACM0',
      startIndex: 42,
      badLines: 3,
    });
    expect(a).toEqual({
      file: 'yes/yes.1.wav', label: 'yes', sampleRate: 16000, channels: 1, axes: ['ch0'], units: ['normalized'],
      source: 'mic:default', recordedAt: at.toISOString(), frames: 1600, durationSeconds: 0.1,
    });
    expect(b).toMatchObject({ file: 'punch/punch.1.csv', frames: 50, durationSeconds: 50 / 119.5, startIndex: 42, badLines: 3 });
    expect((await readFile(join(dir, 'punch/punch.1.csv'), 'utf8')).split('\n')[0]).toBe('aX,aY,aZ,gX,gY,gZ');

    const data = await loadDataset(dir);
    expect(data.name).toBe('demo');
    expect(data.labels).toEqual(['punch', 'yes']);
    expect(data.entries.map((e) => [e.file, e.format, e.path])).toEqual([
      ['yes/yes.1.wav', 'wav', join(dir, 'yes/yes.1.wav')],
      ['punch/punch.1.csv', 'csv', join(dir, 'punch/punch.1.csv')],
    ]);
    expect(await data.readSample(data.entries[0]!)).toEqual(audio);
    expect(await readSample(data.entries[1]!)).toEqual(imu);
    // Nothing but the manifest and the label folders: no temporary files left behind.
    expect((await readdir(dir)).sort()).toEqual([MANIFEST_FILE, 'punch', 'yes']);
    expect(await readdir(join(dir, 'punch'))).toEqual(['punch.1.csv']);
  });

  it('continues the numbering when a dataset is reopened, skipping files a crash left unlisted', async () => {
    const first = await DatasetWriter.open(dir);
    for (let i = 0; i < 2; i++) await first.add({ label: 'up', samples: noise(100), sampleRate: 8000, channels: 1, source: 'generator:noise' });
    // A session that died after renaming its file but before rewriting the manifest.
    await writeFile(join(dir, 'up', 'up.3.wav'), 'orphan');
    const second = await DatasetWriter.open(dir, { name: 'ignored for an existing dataset' });
    const c = await second.add({ label: 'up', samples: noise(100), sampleRate: 8000, channels: 1, source: 'generator:noise' });
    const d = await second.add({ label: 'down', samples: noise(100), sampleRate: 8000, channels: 1, source: 'generator:noise' });
    expect([c.file, d.file]).toEqual(['up/up.4.wav', 'down/down.1.wav']);
    const data = await loadDataset(dir);
    expect(data.name).toBe(dir.split('/').pop());
    expect(data.entries.map((e) => e.file)).toEqual(['up/up.1.wav', 'up/up.2.wav', 'up/up.4.wav', 'down/down.1.wav']);
    expect(second.labelCounts()).toEqual({ up: 3, down: 1 });
  });

  it('leaves the dataset as it was when a sample is refused', async () => {
    const writer = await DatasetWriter.open(dir);
    await writer.add({ label: 'ok', samples: noise(10), sampleRate: 100, channels: 1, source: 'x', units: 'g' });
    const before = await readFile(join(dir, MANIFEST_FILE), 'utf8');
    const bad = noise(10);
    bad[4] = Number.NaN;
    await expect(writer.add({ label: 'ok', samples: bad, sampleRate: 100, channels: 1, source: 'x', units: 'g' })).rejects.toThrow(InputError);
    await expect(writer.add({ label: 'ok', samples: bad, sampleRate: 100, channels: 1, source: 'x' })).rejects.toThrow(/sample 4 is NaN/);
    expect(await readFile(join(dir, MANIFEST_FILE), 'utf8')).toBe(before);
    expect(await readdir(join(dir, 'ok'))).toEqual(['ok.1.csv']);
    // The next good sample still gets the next number.
    expect((await writer.add({ label: 'ok', samples: noise(10), sampleRate: 100, channels: 1, source: 'x', units: 'g' })).file).toBe('ok/ok.2.csv');
  });

  it('refuses bad labels and impossible options with the argument named', async () => {
    const writer = await DatasetWriter.open(dir);
    const base = { samples: noise(4), sampleRate: 100, channels: 1, source: 'x' };
    await expect(writer.add({ ...base, label: '../up' })).rejects.toThrow(ParameterError);
    await expect(writer.add({ ...base, label: '' })).rejects.toThrow(/label = ""/);
    await expect(writer.add({ ...base, label: 'a', sampleRate: 99.5 })).rejects.toThrow(/sampleRate = 99.5; expected an integer in 1..4294967295 \(Hz; WAV stores whole Hz/);
    await expect(writer.add({ ...base, label: 'a', samples: noise(5), channels: 2 })).rejects.toThrow(/expected a non-empty Float32Array of whole 2-channel readings, got 5 values/);
    await expect(writer.add({ ...base, label: 'a', axes: ['x', 'y'] })).rejects.toThrow(/axes = \["x","y"\]; expected 1 distinct non-empty names/);
  });

  it('gives clear errors for a missing file, a wrong rate and a corrupted manifest', async () => {
    const writer = await DatasetWriter.open(dir);
    await writer.add({ label: 'a', samples: noise(100), sampleRate: 16000, channels: 1, source: 'x' });
    await writer.add({ label: 'b', samples: noise(30), sampleRate: 100, channels: 3, units: 'g', source: 'x' });
    const path = join(dir, MANIFEST_FILE);
    const good = await readFile(path, 'utf8');

    await writeFile(path, good.replace('"sampleRate": 16000', '"sampleRate": 8000').replace('"durationSeconds": 0.00625', '"durationSeconds": 0.0125'));
    await expect(loadDataset(dir)).rejects.toThrow(`${join(dir, 'a/a.1.wav')}: sample rate 16000 Hz; the dataset manifest says 8000 Hz for "a/a.1.wav"`);

    await writeFile(path, good);
    await rm(join(dir, 'b', 'b.1.csv'));
    await expect(loadDataset(dir)).rejects.toThrow(`${path}: samples[1]: file "b/b.1.csv" is missing (looked for ${join(dir, 'b/b.1.csv')})`);
    // Without file checks the manifest alone loads; reading the missing sample then fails plainly.
    const lazy = await loadDataset(dir, { checkFiles: false });
    await expect(lazy.readSample(lazy.entries[1]!)).rejects.toThrow(/ENOENT/);

    await writeFile(path, good.slice(0, good.length / 2));
    const err = await loadDataset(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FormatError);
    expect((err as Error).message).toMatch(new RegExp(`^${path}(:\\d+)?: malformed JSON`));

    await rm(path);
    await expect(loadDataset(dir)).rejects.toThrow(`${path}: no such file: ${dir} is not a sensorkit dataset`);
    // A writer refuses to append to a corrupted manifest rather than replacing it.
    await writeFile(path, '{"format": "sensorkit-dataset", "version": 2}');
    await expect(DatasetWriter.open(dir)).rejects.toThrow('unknown format version 2');
  });

  it('checks the CSV columns against the manifest axes', async () => {
    const writer = await DatasetWriter.open(dir);
    await writer.add({ label: 'b', samples: noise(6), sampleRate: 100, channels: 3, axes: ['x', 'y', 'z'], units: 'g', source: 'x' });
    const path = join(dir, MANIFEST_FILE);
    await writeFile(path, (await readFile(path, 'utf8')).replace('"z"', '"q"'));
    await expect(loadDataset(dir)).rejects.toThrow(/"q"/);
  });
});
