import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { InputError } from '@sensorkit/dsp';
import { initBackend } from '../backend.js';
import { denseNetwork } from '../dense-network.js';
import type { ModelMetadata } from './metadata.js';
import { loadModelFolder, readModelFile, saveModelFolder } from './model-folder.js';

let root: string;
beforeAll(async () => {
  await initBackend();
  root = await mkdtemp(join(tmpdir(), 'sensorkit-ml-folder-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const METADATA: ModelMetadata = {
  kind: 'anomaly-detector',
  version: 1,
  createdAt: '2025-01-02T03:04:05.000Z',
  backend: 'wasm',
  dsp: [{ block: 'time-stats', version: 1, options: { frameLength: 1024 } }],
  thresholds: { alarm: 0.125, warning: 0.0625 },
  training: { epochs: 3, seed: 1, layers: [8, 3, 8, 12] },
  dataset: { fingerprint: 'ab'.repeat(32), files: 3 },
  metrics: { auc: 0.99 },
};

describe('saveModelFolder / loadModelFolder', () => {
  it('round-trips a trained model bit for bit, with metadata, card and extra files', async () => {
    const dir = join(root, 'ae');
    const model = denseNetwork({ inputs: 12, layers: [8, 3, 8, 12], seed: 5 });
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
    const x = tf.randomNormal([32, 12], 0, 1, 'float32', 1);
    await model.fit(x, x, { epochs: 2, batchSize: 8, shuffle: false, verbose: 0 });
    await saveModelFolder(dir, { model, metadata: METADATA, card: '# card\n', extraFiles: { 'normalizer.json': '{"mean":[0]}', 'sub/notes.txt': 'n' } });

    const loaded = await loadModelFolder(dir);
    expect(loaded.dir).toBe(dir);
    expect(loaded.metadata).toEqual(METADATA);
    const probe = tf.randomNormal([16, 12], 0, 1, 'float32', 2);
    const before = (model.predict(probe) as tf.Tensor).dataSync();
    const after = (loaded.model?.predict(probe) as tf.Tensor).dataSync();
    expect(Array.from(after)).toEqual(Array.from(before));
    expect(loaded.model?.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(model.getWeights().map((w) => Array.from(w.dataSync())));

    // Standard TF.js Layers format: one weights.bin holding every parameter as float32.
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect((await stat(join(dir, 'weights.bin'))).size).toBe(model.countParams() * 4);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('# card\n');
    expect(await readModelFile(dir, 'normalizer.json')).toBe('{"mean":[0]}');
    expect(await readModelFile(dir, 'sub/notes.txt')).toBe('n');
  });

  it('keeps a folder without a network (metadata and extra files only), dropping a network saved there before', async () => {
    const dir = join(root, 'gaussian');
    await saveModelFolder(dir, { model: denseNetwork({ inputs: 2, layers: [2], seed: 1 }), metadata: METADATA });
    await saveModelFolder(dir, { metadata: { ...METADATA, kind: 'gaussian' }, extraFiles: { 'gaussian.json': '{}' } });
    const loaded = await loadModelFolder(dir);
    expect(loaded.model).toBeUndefined();
    expect(loaded.metadata.kind).toBe('gaussian');
  });

  it('says which file and field are wrong when metadata is missing or broken', async () => {
    await expect(loadModelFolder(join(root, 'nothing'))).rejects.toThrow(/metadata\.json not found; is .*nothing a model folder\?/);
    const dir = join(root, 'broken');
    await saveModelFolder(dir, { metadata: METADATA });
    await writeFile(join(dir, 'metadata.json'), JSON.stringify({ ...METADATA, kind: 7 }));
    await expect(loadModelFolder(dir)).rejects.toThrow(InputError);
    await expect(loadModelFolder(dir)).rejects.toThrow(/broken.metadata\.json: field "kind" is 7; expected a string/);
    await writeFile(join(dir, 'metadata.json'), '{ not json');
    await expect(loadModelFolder(dir)).rejects.toThrow(/metadata\.json: .*JSON/);
    const { dataset: _dataset, ...noDataset } = METADATA;
    await expect(saveModelFolder(join(root, 'x'), { metadata: noDataset as ModelMetadata })).rejects.toThrow(/dataset\.fingerprint/);
  });

  it('refuses extra files that would leave the folder or overwrite its own files', async () => {
    const dir = join(root, 'escape');
    await expect(saveModelFolder(dir, { metadata: METADATA, extraFiles: { '../evil.txt': 'x' } })).rejects.toThrow(/must stay inside the folder/);
    await expect(saveModelFolder(dir, { metadata: METADATA, extraFiles: { 'metadata.json': '{}' } })).rejects.toThrow(/would overwrite/);
    await expect(stat(join(root, 'evil.txt'))).rejects.toThrow(/ENOENT/);
  });
  it('keeps int8/ and hands its report to the card when the same model is saved again, and drops it when the model changes', async () => {
    const dir = join(root, 'with-int8');
    const model = denseNetwork({ inputs: 4, layers: [3, 4], seed: 9 });
    await saveModelFolder(dir, { model, metadata: METADATA, extraFiles: { 'detector.json': '{"k":1}' } });
    const report = { metric: 'auc', float: 0.99, int8: 0.985, samples: 10, footprint: {}, command: 'sensorkit quantize', createdAt: '2025-01-02T03:04:05.000Z' };
    await mkdir(join(dir, 'int8'), { recursive: true });
    await writeFile(join(dir, 'int8', 'report.json'), JSON.stringify(report));
    const seen: unknown[] = [];
    const card = (int8: unknown): string => {
      seen.push(int8);
      return '# card\n';
    };
    // New metrics and card, same weights and extra files: the quantized model still belongs to it.
    await saveModelFolder(dir, { model, metadata: { ...METADATA, metrics: { auc: 0.5 } }, card, extraFiles: { 'detector.json': '{"k":1}' } });
    expect(seen).toEqual([expect.objectContaining({ metric: 'auc', int8: 0.985 })]);
    expect((await stat(join(dir, 'int8', 'report.json'))).isFile()).toBe(true);
    // Other parameters in an extra file: int8/ goes, and the card is rendered without it.
    await saveModelFolder(dir, { model, metadata: METADATA, card, extraFiles: { 'detector.json': '{"k":2}' } });
    expect(seen[1]).toBeUndefined();
    await expect(stat(join(dir, 'int8'))).rejects.toThrow(/ENOENT/);
  });
});
