import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../packages/cli/test/run-cli.js';

const SHIPPED = join(import.meta.dirname, '..', 'models', 'gesture');
let dir: string;
const at = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gesture-cli-'));
  const run = await cli('gesture', 'generate', '--out', at('set'), '--persons', '3', '--per-person', '2', '--seed', '4', '--stream', '6');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}, 30_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('sensorkit gesture', () => {
  it('generate writes one Arduino-style CSV per label, a manifest, and a stream with its truth', async () => {
    expect((await readdir(at('set'))).sort()).toEqual(['circle.csv', 'flex.csv', 'idle.csv', 'manifest.json', 'punch.csv', 'shake.csv', 'stream.csv', 'stream.csv.json', 'up-down.csv', 'wave.csv']);
    const manifest = JSON.parse(await readFile(at('set/manifest.json'), 'utf8')) as { sampleRate: number; files: { label: string; segments: number; persons: number[] }[] };
    expect(manifest.sampleRate).toBe(100);
    expect(manifest.files.find((f) => f.label === 'wave')).toEqual({ file: 'wave.csv', label: 'wave', segments: 6, persons: [0, 0, 1, 1, 2, 2] });
  });

  it('train writes a model folder with its card; eval reports the confusion matrix and accuracy', async () => {
    const files = ['punch', 'flex', 'idle'].map((l) => at(`set/${l}.csv`));
    const train = await cli('gesture', 'train', '--data', ...files, '--rate', '100', '--out', at('model'), '--epochs', '2', '--augment', '1', '--backend', 'wasm');
    expect(train.code).toBe(0);
    expect(train.stderr).toMatch(/^backend: wasm/);
    expect(train.stderr).toMatch(/data: 18 segments \(flex 6, idle 6, punch 6\), 6 axes at 100 Hz from 3 file\(s\)/);
    expect(train.stdout).toMatch(/trained on 18 windows \(\+1x augmented\) .* saved /);
    expect((await readdir(at('model'))).sort()).toEqual(['README.md', 'metadata.json', 'model.json', 'weights.bin']);
    const card = await readFile(at('model/README.md'), 'utf8');
    expect(card).toContain(`sensorkit gesture train --data ${files.join(' ')} --rate 100 --out ${at('model')} --epochs 2`);
    expect(card).toMatch(/into flex, idle, punch \(idle: no gesture\)/);

    const table = await cli('gesture', 'eval', '--model', at('model'), '--data', ...files, '--rate', '100');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^accuracy \d+\.\d % on 18 segments, the model as saved/);
    expect(table.stdout).toMatch(/confusion \(rows: true, columns: predicted\)/);
    expect(table.stdout).toMatch(/macro avg/);
    const json = await cli('gesture', 'eval', '--model', at('model'), '--data', ...files, '--rate', '100', '--kfold', '2', '--epochs', '1', '--json');
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as { accuracy: number; labels: string[]; confusion: number[][]; folds: number; perFold: number[] };
    expect(result.labels).toEqual(['flex', 'idle', 'punch']);
    expect(result.confusion.flat().reduce((a, b) => a + b, 0)).toBe(18);
    expect(result.folds).toBe(2);
    expect(result.perFold).toHaveLength(2);
  }, 60_000);

  it('classify finds the stream\'s gestures with the shipped model: one line each, at their times', async () => {
    const truth = JSON.parse(await readFile(at('set/stream.csv.json'), 'utf8')) as { gestures: { label: string; start: number }[] };
    const run = await cli('gesture', 'classify', '--model', SHIPPED, '--input', at('set/stream.csv'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [header, ...lines] = run.stdout.trim().split('\n');
    expect(header).toBe('time,label,score');
    const rows = lines.map((l) => l.split(','));
    expect(rows.map((r) => r[1])).toEqual(truth.gestures.map((g) => g.label));
    // The trigger fires once the motion is under way: a slow curl crosses 0.3 g later than a punch.
    rows.forEach((r, i) => {
      expect(Number(r[0])).toBeGreaterThanOrEqual(truth.gestures[i]!.start);
      expect(Number(r[0])).toBeLessThan(truth.gestures[i]!.start + 0.6);
    });
    const sliding = await cli('gesture', 'classify', '--model', SHIPPED, '--input', at('set/stream.csv'), '--mode', 'sliding', '--json');
    const events = sliding.stdout.trim().split('\n').map((l) => JSON.parse(l) as { label: string; end: number });
    expect(events.map((e) => e.label)).toEqual(truth.gestures.map((g) => g.label));
  }, 30_000);

  it('record keeps the motion-triggered captures of a source as Arduino-style CSV, appending on a second run', async () => {
    const args = ['gesture', 'record', '--input', at('set/stream.csv'), '--no-realtime', '--labels', 'punch', '--count', '3', '--out', at('rec')];
    const first = await cli(...args);
    expect(first.stderr).toMatch(/perform 'punch' now \(3\/3\)/);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${at('rec/punch.csv')}: 3 x punch (3 new)`);
    expect((await cli(...args)).stdout).toContain('6 x punch (3 new)');
    const data = await readFile(at('rec/punch.csv'), 'utf8');
    expect(data.split('\n')[0]).toBe('aX,aY,aZ,gX,gY,gZ');
    expect(data.trim().split('\n\n').map((s) => s.trim().split('\n').length)).toEqual([151, 150, 150, 150, 150, 150]);
    const manifest = JSON.parse(await readFile(at('rec/manifest.json'), 'utf8')) as { sampleRate: number; files: { label: string; segments: number }[] };
    expect(manifest).toMatchObject({ sampleRate: 100, files: [{ label: 'punch', segments: 6 }] });
  }, 30_000);

  it('refuses bad options (exit 2) and bad recordings (exit 1) with one line naming the value', async () => {
    const badCell = at('bad.csv');
    await writeFile(badCell, 'aX,aY,aZ\n0.1,0.2,1\n0.1,oops,1\n');
    const cell = await cli('gesture', 'classify', '--model', SHIPPED, '--input', badCell, '--rate', '100');
    expect(cell.code).toBe(1);
    expect(cell.stderr).toMatch(/bad\.csv:3: column "aY" = "oops"; expected a number/);
    const noRate = await cli('gesture', 'train', '--data', at('set/punch.csv'), at('set/flex.csv'), '--out', at('m2'));
    expect(noRate.code).toBe(2);
    expect(noRate.stderr).toMatch(/sampleRate.*punch\.csv has no timestamp column/);
    const noImu = at('noimu.csv');
    await writeFile(noImu, 'temp,humidity\n20,50\n');
    expect((await cli('gesture', 'classify', '--model', SHIPPED, '--input', noImu, '--rate', '1')).stderr).toMatch(/no accelerometer columns among temp, humidity/);
    const accelOnly = at('accel.csv');
    await writeFile(accelOnly, 'aX,aY,aZ\n0,0,1\n');
    const channels = await cli('gesture', 'classify', '--model', SHIPPED, '--input', accelOnly, '--rate', '100');
    expect(channels.code).toBe(1);
    expect(channels.stderr).toMatch(/input has 3 channels; the model takes 6/);
    expect((await cli('gesture', 'eval', '--model', SHIPPED, '--data', at('set'), '--kfold', '1')).stderr).toMatch(/--kfold.*at least 2 folds/);
    expect((await cli('gesture', 'classify', '--model', SHIPPED, '--input', at('set/stream.csv'), '--mode', 'dtw')).code).toBe(2);
    expect((await cli('gesture', 'generate', '--out', at('x'), '--persons', '0')).code).toBe(2);
    const missing = await cli('gesture', 'classify', '--model', at('nope'), '--input', at('set/stream.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/metadata\.json not found/);
  }, 30_000);
});
