import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResamplePlan, resampleSignal } from '@sensorkit/dsp';
import { writeWav } from '@sensorkit/io';
import type { WindowScore } from '../contracts.js';
import { createMachine, machineVariants, simulate, writeSimulation } from '../simulator/index.js';
import { runCommand } from '../detect/testing/run-command.js';
import { evalCommand } from './eval.js';
import { scoreCommand } from './score.js';
import { trainCommand } from './train.js';

const RATE = 12800;
let dir: string;
let model: string;
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'anomaly-commands-'));
  model = file('model');
  const normals = machineVariants({ name: 'motor' }, 3, 5).map((o) => simulate(createMachine(o), { sampleRate: RATE, duration: 12 }));
  await writeSimulation(dir, normals);
  // A fresh healthy machine, stored at twice the rate: eval resamples it back to the model's.
  const fresh = simulate(createMachine({ name: 'fresh', seed: 79 }), { sampleRate: RATE, duration: 10 }).samples;
  const up = resampleSignal(createResamplePlan({ from: RATE, to: 2 * RATE }), fresh);
  await writeWav(file('fresh.wav'), { sampleRate: 2 * RATE, channels: 1, samples: up, format: 'float32' });
  await writeSimulation(file('rtf.wav'), simulate(createMachine({ name: 'rtf', seed: 77, fault: { kind: 'outer-race', onset: 6, failure: 14 } }), { sampleRate: RATE, duration: 14 }));
  const imbalance = simulate(createMachine({ name: 'imb', seed: 78, fault: { kind: 'imbalance', severity: 0.5 } }), { sampleRate: RATE, duration: 6 });
  await writeSimulation(file('imbalance.wav'), imbalance);
  await writeSimulation(file('imbalance.f32'), imbalance);
}, 30_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('anomaly train / score / eval', () => {
  it('train learns normal from normal recordings and writes a model folder', async () => {
    const run = await runCommand(trainCommand, '--input', file('motor-1.wav'), file('motor-2.wav'), file('motor-3.wav'), '--bearing', 'skf-6205', '--shaft-hz', '29.95', '--out', model);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/gaussian/);
    expect(run.stdout).toMatch(/kmeans/);
    expect(run.stdout).toMatch(/autoencoder/);
    expect(run.stdout).toMatch(/saved /);
    expect(run.stderr).toMatch(/motor-1.wav: \d+ windows of 39 features/);
    expect(run.stderr).toMatch(/backend: /);
    expect(await readdir(model)).toEqual(expect.arrayContaining(['metadata.json', 'detector.json', 'README.md']));
    const card = await readFile(join(model, 'README.md'), 'utf8');
    expect(card).toContain(`sensorkit anomaly train --input ${file('motor-1.wav')}`);
    expect(card).toContain('--bearing 9,7.94,39.04,0');
  }, 60_000);

  it('score prints one line per window: time, score, health, state; alerts on stderr', async () => {
    const csv = await runCommand(scoreCommand, '--model', model, '--input', file('rtf.wav'));
    expect(csv.code).toBe(0);
    const [header, ...lines] = csv.stdout.trim().split('\n');
    expect(header).toBe('time,score,health,state');
    expect(lines).toHaveLength(55);
    const rows = lines.map((l) => l.split(','));
    expect(rows[0]![0]).toBe('0');
    expect(rows[1]![0]).toBe('0.25');
    expect(rows.slice(0, 20).every((r) => r[3] === 'normal')).toBe(true);
    expect(rows.at(-1)![3]).toBe('alarm');
    expect(csv.stderr).toMatch(/alert: rtf.wav: (normal|warning) -> alarm at \d+\.\d+ s/);
    const json = await runCommand(scoreCommand, '--model', model, '--input', file('rtf.wav'), '--json', '--machine', 'fan');
    const windows = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as WindowScore);
    expect(windows).toHaveLength(55);
    expect(windows[54]).toMatchObject({ machine: 'fan', state: 'alarm' });
    expect(windows[54]!.deviations).toHaveLength(3);
    expect(Math.abs(windows[54]!.score / Number(rows[54]![1]) - 1)).toBeLessThan(1e-5);
    // Raw float32 needs the rate; it scores as the same signal in WAV does.
    const raw = await runCommand(scoreCommand, '--model', model, '--input', file('imbalance.f32'), '--rate', String(RATE), '--channels', '1');
    const wav = await runCommand(scoreCommand, '--model', model, '--input', file('imbalance.wav'));
    expect(raw.code).toBe(0);
    expect(raw.stdout).toBe(wav.stdout);
    expect((await runCommand(scoreCommand, '--model', model, '--input', file('imbalance.f32'))).code).toBe(2);
  }, 30_000);

  it('eval reports AUC, pAUC, false alarms and the detection delay of the run-to-failure file', async () => {
    const run = await runCommand(evalCommand, '--model', model, '--normal', file('fresh.wav'), '--abnormal', file('rtf.wav'), file('imbalance.wav'), '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      normal: { windows: number; falseAlarmRate: number };
      abnormal: { file: string; auc: number; pauc: number; timing?: { onset: number; firstAlarm: number; delay: number; beforeFailure: boolean; alarmsBeforeOnset: number } }[];
      overall: { auc: number };
    };
    expect(result.normal.windows).toBe(39);
    expect(result.normal.falseAlarmRate).toBeLessThan(0.1);
    for (const f of result.abnormal) expect(f.auc, f.file).toBeGreaterThan(0.95);
    const rtf = result.abnormal[0]!.timing!;
    expect(rtf.onset).toBe(6);
    expect(rtf.firstAlarm).toBeGreaterThan(6);
    expect(rtf.beforeFailure).toBe(true);
    expect(rtf.alarmsBeforeOnset).toBe(0);
    // A fault present from the start (onset 0) is caught in the first window.
    expect(result.abnormal[1]!.timing).toMatchObject({ onset: 0, delay: 0.5, alarmsBeforeOnset: 0 });
    const table = await runCommand(evalCommand, '--model', model, '--normal', file('fresh.wav'), '--abnormal', file('rtf.wav'), '--save');
    expect(table.stdout).toMatch(/false alarms on 39 normal windows/);
    expect(table.stdout).toMatch(/all abnormal/);
    expect(await readFile(join(model, 'README.md'), 'utf8')).toContain('sensorkit anomaly eval --model');
  }, 30_000);

  it('refuses bad options before reading data (exit 2) and bad files with exit 1', async () => {
    expect((await runCommand(trainCommand, '--input', file('rtf.wav'), '--out', file('m2'), '--detector', 'svm')).code).toBe(2);
    expect((await runCommand(trainCommand, '--input', file('rtf.wav'), '--out', file('m2'), '--bearing', '9,7.94')).code).toBe(2);
    const noShaft = await runCommand(trainCommand, '--input', file('rtf.wav'), '--out', file('m2'), '--bearing', 'skf-6205');
    expect(noShaft.code).toBe(2);
    expect(noShaft.stderr).toMatch(/shaftHz/);
    expect((await runCommand(scoreCommand, '--model', file('nope'), '--input', file('rtf.wav'))).code).toBe(1);
  });
});
