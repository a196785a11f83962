import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine, createWindowFeaturesPlan, fileFeatures, fitAnomalyModel, loadAnomalyModel, saveAnomalyModel, simulate, Standardizer, writeSimulation, type AutoencoderDetector } from '@sensorkit/anomaly';
import { createRandom } from '@sensorkit/dsp';
import { fingerprintData, initBackend, loadInt8Model, quantizeInput, runInt8, saveModelFolder, tf } from '@sensorkit/ml';
import { tinyConv1d } from '@sensorkit/ml/testing';
import { writeWav } from '@sensorkit/io';
import { createKwsFrontEnd, kwsNetwork, saveKwsModel } from '@sensorkit/kws';
import { cli } from './run-cli.js';

const RATE = 8000;
let dir: string;
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  await initBackend();
  dir = await mkdtemp(join(tmpdir(), 'sensorkit-int8-cli-'));
  await writeSimulation(file('normal.wav'), simulate(createMachine({ name: 'pump', seed: 1 }), { sampleRate: RATE, duration: 12 }));
  await writeSimulation(file('fresh.wav'), simulate(createMachine({ name: 'pump', seed: 2 }), { sampleRate: RATE, duration: 6 }));
  await writeSimulation(file('fault.wav'), simulate(createMachine({ name: 'pump', seed: 3, fault: { kind: 'outer-race', severity: 0.15 } }), { sampleRate: RATE, duration: 6 }));
  // The anomaly app's autoencoder, trained in-process with few epochs (the CLI's train would take a minute).
  const plan = createWindowFeaturesPlan({ sampleRate: RATE, window: 0.25 });
  const { rows } = await fileFeatures(file('normal.wav'), plan);
  const model = await fitAnomalyModel(plan, [rows], { detector: 'autoencoder', autoencoder: { epochs: 15 } }, {
    inputs: [{ file: file('normal.wav'), sampleRate: RATE, channels: 1, seconds: 12, windows: rows.length }],
    fingerprint: fingerprintData([Float32Array.of(1)]),
  });
  await saveAnomalyModel(file('pump'), model);
  // A classifier folder: the tiny gesture-style CNN with labels, and its samples as JSON lines.
  const t = tinyConv1d();
  await saveModelFolder(file('classifier'), {
    model: t.model,
    metadata: { kind: 'tiny-classifier', version: 1, createdAt: new Date(0).toISOString(), backend: 'cpu', dsp: {}, labels: ['a', 'b', 'c', 'd'], training: {}, dataset: { fingerprint: 'x' } },
    card: '# tiny\n\nA test model.\n\n## Metrics\n\n(none)\n',
  });
  const labelled = t.inputs(150, 7);
  // Labels are the float model's own top class, so float accuracy is 1 and int8's shows what quantization costs.
  const labels = labelled.map((x) => ['a', 'b', 'c', 'd'][tf.tidy(() => (t.model.predict(tf.tensor(x, [1, 20, 3])) as tf.Tensor).argMax(-1).dataSync()[0]!)]!);
  await writeFile(file('calibration.jsonl'), t.inputs(100, 8).map((x) => JSON.stringify({ input: Array.from(x) })).join('\n'));
  await writeFile(file('test.jsonl'), labelled.map((x, i) => JSON.stringify({ input: Array.from(x), label: labels[i] })).join('\n'));
  await keywordFixture();
}, 60_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

/**
 * A keyword dataset in the layout `kws generate` writes (tones, noise and near-silence as three classes, train
 * and test splits) and an untrained small DS-CNN keyword model folder: enough to drive quantize's keyword path.
 */
async function keywordFixture(): Promise<void> {
  const labels = ['yes', '_unknown_', '_silence_'];
  const random = createRandom(3);
  const samples: Record<string, unknown>[] = [];
  for (const [split, count] of [['train', 4], ['test', 4]] as const) {
    for (const label of labels) {
      await mkdir(join(file('words'), label), { recursive: true });
      for (let n = 0; n < count; n++) {
        const name = `${label}/${label}.${split}${n}.wav`;
        const clip = Float32Array.from({ length: 16000 }, (_, i) => label === 'yes' ? 0.3 * Math.sin((2 * Math.PI * (700 + 50 * n) * i) / 16000) : label === '_unknown_' ? 0.2 * random.gaussian() : 1e-4 * random.gaussian());
        await writeWav(join(file('words'), name), { sampleRate: 16000, channels: 1, samples: clip });
        samples.push({
          file: name, label, sampleRate: 16000, channels: 1, axes: ['audio'], units: ['normalized'], source: 'test', recordedAt: '2026-01-01T00:00:00.000Z',
          frames: 16000, durationSeconds: 1, split, voice: label === '_silence_' ? null : 'v', speaker: label === '_silence_' ? null : 's', text: label, seed: n,
          augmentation: { noise: null, reverb: null, band: null, peakDbfs: -6 },
        });
      }
    }
  }
  await writeFile(join(file('words'), 'manifest.json'), JSON.stringify({ format: 'sensorkit-dataset', version: 1, name: 'words', created: '2026-01-01T00:00:00.000Z', kws: { labels, seed: 1, wakeWord: null }, samples }));
  const frontEnd = createKwsFrontEnd('mlperf-kws');
  const model = kwsNetwork({ frames: frontEnd.frames, width: frontEnd.width, classes: 3, channels: 8, blocks: 2, seed: 2 });
  const normalizer = { mean: Array(frontEnd.width).fill(-5) as number[], std: Array(frontEnd.width).fill(4) as number[] };
  await saveKwsModel(file('kws'), { model, frontEnd, normalizer, labels, listen: {} }, { training: {}, dataset: { fingerprint: 'x' } });
}

describe('sensorkit quantize and export', () => {
  it('quantizes the anomaly autoencoder: int8 AUC within 0.01 of float, report and model card written', async () => {
    const r = await cli('quantize', '--model', file('pump'), '--normal', file('fresh.wav'), '--abnormal', file('fault.wav'), '--json', '--save-test-vectors');
    expect(r.stderr).toMatch(/saved \d+ test vectors/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { report: { metric: string; float: number; int8: number; samples: number }; ops: string[] };
    expect(out.ops).toEqual(['dense', 'dense', 'dense', 'dense', 'dense', 'dense']);
    expect(out.report.metric).toBe('auc');
    expect(out.report.float).toBeGreaterThan(0.7);
    expect(Math.abs(out.report.int8 - out.report.float)).toBeLessThanOrEqual(0.01);
    expect(await readFile(join(file('pump'), 'README.md'), 'utf8')).toMatch(/## int8 \(microcontroller\)[\s\S]*AUC \(\d+ test samples\)[\s\S]*arena/);
    expect(JSON.parse(await readFile(join(file('pump'), 'int8', 'report.json'), 'utf8'))).toMatchObject({ metric: 'auc', command: expect.stringContaining('sensorkit quantize --model') });
  });

  it('exports it as C that, built under ASan/UBSan, gives the interpreter\'s bytes on every test window (export --check)', async () => {
    const r = await cli('export', '--model', file('pump'), '--out', file('pump-c'), '--name', 'pump', '--check');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/arena \(RAM\)/);
    const count = Number(/byte for byte, on all (\d+) test vectors/.exec(r.stdout)?.[1]);
    expect(count).toBeGreaterThan(40);
    const header = await readFile(join(file('pump-c'), 'pump_model.h'), 'utf8');
    expect(header).toMatch(/#define PUMP_ARENA_SIZE \d+u/);
    // The check can fail: one flipped output byte in the saved vectors is caught and named.
    const outputs = join(file('pump'), 'int8', 'test-outputs.bin');
    const bytes = await readFile(outputs);
    bytes[bytes.length - 1] ^= 1;
    await writeFile(outputs, bytes);
    const bad = await cli('export', '--model', file('pump'), '--out', file('pump-c'), '--name', 'pump', '--check');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`differs from the int8 interpreter on 1 of ${count} test vectors \\(first: ${count - 1}\\)`));
  });

  it('the standardizer stays on the host: features standardized in float, then quantized, give the exported model\'s test vectors', async () => {
    const int8 = await loadInt8Model(file('pump'));
    const model = await loadAnomalyModel(file('pump'));
    const standardizer = Standardizer.fromJSON((model.detector as AutoencoderDetector).toJSON().standardizer);
    const windows = (await fileFeatures(file('fresh.wav'), model.features)).rows;
    const q = quantizeInput(int8, standardizer.transform(windows[0]!.values));
    const saved = await readFile(join(file('pump'), 'int8', 'test-inputs.bin'));
    expect(Array.from(new Int8Array(saved.buffer, saved.byteOffset, q.length))).toEqual(Array.from(q));
    expect(runInt8(int8, q).length).toBe(q.length);
  });

  it('quantizes a classifier from samples files and reports float vs int8 accuracy', async () => {
    const r = await cli('quantize', '--model', file('classifier'), '--calibration', file('calibration.jsonl'), '--test', file('test.jsonl'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/accuracy on 150 test samples\s+1\s+0\.9\d+|accuracy on 150 test samples\s+1\s+1/);
    expect(r.stdout).toMatch(/int8 top class = float top class/);
  });

  it('quantizes a keyword model on a keyword dataset: train split to calibrate, test split to compare', async () => {
    const r = await cli('quantize', '--model', file('kws'), '--calibration', file('words'), '--test', file('words'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ops: string[]; calibration: { samples: number }; report: { metric: string; samples: number; extra: Record<string, { int8: number }> } };
    expect(out.ops).toEqual(['conv2d', 'depthwise_conv2d', 'conv2d', 'depthwise_conv2d', 'conv2d', 'avg_pool2d', 'dense', 'softmax']);
    expect(out.calibration.samples).toBe(12);
    expect(out.report).toMatchObject({ metric: 'accuracy', samples: 12 });
    expect(out.report.extra['int8 top class = float top class']!.int8).toBeGreaterThanOrEqual(0.9);
    // export takes the front end the model was trained on from its metadata.
    const e = await cli('export', '--model', file('kws'), '--out', file('kws-c'));
    expect(e.code).toBe(0);
    expect(e.stdout).toMatch(/front end tables \(mlperf-kws\)/);
    expect(await readFile(join(file('kws-c'), 'kws_features.h'), 'utf8')).toMatch(/#define KWS_FEATURES_WIDTH 10u/);
  });

  it('refuses bad options with exit 2 and bad data with exit 1, naming the value', async () => {
    let r = await cli('quantize', '--model', file('pump'), '--normal', file('fresh.wav'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--abnormal.*expected both --normal and --abnormal/);
    r = await cli('quantize', '--model', file('classifier'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--calibration = undefined; expected samples files \(JSON lines \{"input": \[60 numbers\], "label": ...\}\) for a "tiny-classifier" model/);
    r = await cli('quantize', '--model', file('classifier'), '--calibration', file('test.jsonl'), '--percentile', '20');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--percentile = "20"; expected a number in \(50, 100\]/);
    await writeFile(file('short.jsonl'), '{"input":[1,2,3]}\n');
    r = await cli('quantize', '--model', file('classifier'), '--calibration', file('short.jsonl'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/short\.jsonl:1: "input" has 3 values; expected 60 finite numbers/);
    r = await cli('export', '--model', file('nowhere'), '--out', file('x'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nowhere\/int8\/model\.json not found; run sensorkit quantize --model/);
    r = await cli('export', '--model', file('pump'), '--out', file('x'), '--name', '9lives');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/name = "9lives"; expected a C identifier/);
  });
});
