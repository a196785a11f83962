import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintData } from '@sensorkit/ml';
import { fitAnomalyModel } from './fit-model.js';
import { ModelScorer, type AnomalyModel } from './model.js';
import { loadAnomalyModel, saveAnomalyModel } from './model-folder.js';
import { syntheticVibration } from './testing/synthetic.js';
import { detectorData, TEST_BPFO, TEST_RATE, testPlan } from './testing/feature-data.js';

const plan = testPlan();
let dir: string;
let data: ReturnType<typeof detectorData>;

async function train(detector: 'auto' | 'autoencoder' | 'kmeans'): Promise<AnomalyModel> {
  return fitAnomalyModel(plan, data.train, { detector, autoencoder: { epochs: 15 } }, {
    inputs: data.train.map((rows, i) => ({ file: `run${i}`, sampleRate: TEST_RATE, channels: 1, seconds: 4, windows: rows.length })),
    fingerprint: fingerprintData([Float32Array.of(1, 2, 3)]),
    command: 'sensorkit anomaly train --input run0 ...',
  });
}

/** Every window of a faulty recording through a scorer: times, scores, health, states. */
function scoreRecording(model: AnomalyModel): string[] {
  const samples = syntheticVibration({ sampleRate: TEST_RATE, duration: 6, seed: 40, resonanceHz: 2500, onset: 3, fault: { kind: 'impacts', rate: TEST_BPFO, amplitude: 0.2 } });
  const scorer = new ModelScorer(model, 'm');
  const out: string[] = [];
  for (let at = 0; at < samples.length; at += 3000) {
    const { windows } = scorer.push({ samples: samples.subarray(at, at + 3000), sampleRate: TEST_RATE, channels: 1, index: at });
    out.push(...windows.map((w) => `${w.time} ${w.score} ${w.health} ${w.state}`));
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'anomaly-model-'));
  data = detectorData(plan);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('model folder', () => {
  it.each(['auto', 'autoencoder', 'kmeans'] as const)('round trip (%s) gives identical scores, health and states', async (kind) => {
    const model = await train(kind);
    const folder = join(dir, kind);
    await saveAnomalyModel(folder, model);
    const loaded = await loadAnomalyModel(folder);
    expect(loaded.detector.kind).toBe(model.detector.kind);
    expect(loaded.threshold).toBe(model.threshold);
    expect(loaded.features.names).toEqual(model.features.names);
    expect(Array.from(loaded.detector.scoreMany(data.outer))).toEqual(Array.from(model.detector.scoreMany(data.outer)));
    const before = scoreRecording(model);
    expect(scoreRecording(loaded)).toEqual(before);
    // The fault starts at 3 s: the model goes to alarm after it, and not before.
    const firstAlarm = before.find((line) => line.endsWith('alarm'));
    expect(Number(firstAlarm?.split(' ')[0])).toBeGreaterThanOrEqual(2.75);
    const files = await readdir(folder);
    expect(files).toEqual(expect.arrayContaining(['metadata.json', 'detector.json', 'README.md']));
    expect(files.includes('model.json')).toBe(model.detector.kind === 'autoencoder');
  });

  it('writes a model card with the measured numbers and the command, and metadata with plans and fingerprint', async () => {
    const card = await readFile(join(dir, 'auto', 'README.md'), 'utf8');
    const metadata = JSON.parse(await readFile(join(dir, 'auto', 'metadata.json'), 'utf8')) as Record<string, unknown>;
    expect(card).toContain('sensorkit anomaly train --input run0');
    expect(card).toContain('deviation AUC, gaussian');
    expect(card).toContain('deviation AUC, autoencoder');
    expect(metadata.kind).toBe('anomaly-detector');
    expect((metadata.dataset as { fingerprint: string }).fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(metadata.dsp)).toContain('"block":"envelopeSpectrum"');
    expect((metadata.thresholds as { score: number }).score).toBeGreaterThan(0);
  });

  it('refuses a folder whose saved DSP plans differ from what the kit builds', async () => {
    const path = join(dir, 'auto', 'metadata.json');
    const metadata = JSON.parse(await readFile(path, 'utf8')) as { dsp: { plans: { version: number }[] } };
    metadata.dsp.plans[0]!.version = 99;
    await writeFile(path, JSON.stringify(metadata));
    await expect(loadAnomalyModel(join(dir, 'auto'))).rejects.toThrow(/retrain/);
    await expect(loadAnomalyModel(join(dir, 'missing'))).rejects.toThrow(/not found/);
  });
});
