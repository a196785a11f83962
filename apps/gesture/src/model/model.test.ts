import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { from, lastValueFrom, toArray } from 'rxjs';
import { initBackend, setSeed } from '@sensorkit/ml';
import { gestureEvents } from '../classify/gesture-events.js';
import type { GestureData } from '../data/load-gesture-data.js';
import { generateGestureSet, type GestureSet } from '../generator/gesture-set.js';
import { generateGestureStream } from '../generator/gesture-stream.js';
import { GESTURES } from '../generator/motions.js';
import type { GestureModel } from './gesture-model.js';
import { loadGestureModel, saveGestureModel } from './model-folder.js';
import { assignFolds } from './folds.js';
import { trainGestureModel } from './train-gesture-model.js';

const asData = (set: GestureSet): GestureData => ({
  sampleRate: set.sampleRate,
  channels: 6,
  labels: [...new Set(set.examples.map((e) => e.label))].sort(),
  files: [],
  segments: set.examples.map((e) => ({ label: e.label, samples: e.samples, file: 'generated', line: undefined, group: `person ${e.person}` })),
});

let model: GestureModel;
let dir: string;

beforeAll(async () => {
  await initBackend();
  setSeed(1);
  dir = await mkdtemp(join(tmpdir(), 'gesture-model-'));
  // Small and quick: 8 persons x 2 takes x 7 labels, one augmented copy each, a few epochs.
  const data = asData(generateGestureSet({ persons: 8, perPerson: 2, seed: 21 }));
  ({ model } = await trainGestureModel(data, data.segments, { epochs: 6, augment: 1, validation: 0, seed: 3, progress: false }));
}, 60_000);
afterAll(async () => {
  model.network.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('gesture model', () => {
  it('classifies gestures of persons it never saw: >= 90 % on 4 new persons', () => {
    const test = generateGestureSet({ persons: 4, perPerson: 2, seed: 22, firstPerson: 50 });
    const predictions = model.classifyMany(test.examples.map((e) => e.samples));
    const right = predictions.filter((p, i) => p.label === test.examples[i]!.label).length;
    expect(right / test.examples.length).toBeGreaterThanOrEqual(0.9);
  });

  it('saves and loads: same labels, settings and outputs bit for bit, and a model card', async () => {
    await saveGestureModel(dir, model, { dataset: { fingerprint: 'f'.repeat(64), files: 0 }, training: { epochs: 6 }, command: 'sensorkit gesture train --data x --out y' });
    const { model: back, metadata } = await loadGestureModel(dir);
    expect(metadata.labels).toEqual(['circle', 'flex', 'idle', 'punch', 'shake', 'up-down', 'wave']);
    expect(back.config).toEqual(model.config);
    const x = generateGestureSet({ persons: 1, perPerson: 1, seed: 30 }).examples.map((e) => e.samples);
    expect(back.probabilities(x.map((w) => back.prepare(w)))).toEqual(model.probabilities(x.map((w) => model.prepare(w))));
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toContain('sensorkit gesture train --data x --out y');
    back.network.dispose();
    await expect(loadGestureModel(join(dir, 'nope'))).rejects.toThrow(/metadata.json not found/);
  });

  it('finds and names the gestures of a stream: trigger mode and sliding windows with smoothing', async () => {
    const stream = generateGestureStream({ gestures: GESTURES, seed: 40 });
    const chunk = { samples: stream.samples, sampleRate: stream.sampleRate, channels: 6, index: 0 };
    const triggered = await lastValueFrom(from([chunk]).pipe(gestureEvents(model), toArray()));
    expect(triggered.map((e) => e.label)).toEqual(stream.truth.map((t) => t.label));
    triggered.forEach((e, i) => expect(Math.abs(e.time - stream.truth[i]!.start)).toBeLessThan(0.3));
    const sliding = await lastValueFrom(from([chunk]).pipe(gestureEvents(model, { mode: 'sliding', hop: 0.1, minScore: 0.7 }), toArray()));
    // Each gesture once, named right, reported while or just after it happens.
    const hits = stream.truth.map((t) => sliding.filter((e) => e.end > t.start && e.end < t.end + 1.6));
    expect(hits.filter((h) => h.length === 1 && h[0]!.label === stream.truth[hits.indexOf(h)]!.label).length).toBeGreaterThanOrEqual(5);
    expect(sliding.length).toBeLessThanOrEqual(stream.truth.length + 1);
  });

  it('k-fold assignment keeps whole persons together, or stratifies labels when there are none', () => {
    const data = asData(generateGestureSet({ persons: 5, perPerson: 1, seed: 1, labels: ['punch', 'flex'] }));
    const folds = assignFolds(data.segments, 5, 1);
    for (let p = 0; p < 5; p++) expect(new Set(folds.filter((_, i) => data.segments[i]!.group === `person ${p}`)).size).toBe(1);
    const files = data.segments.map((s) => ({ ...s, group: 'punch.csv' }));
    const stratified = assignFolds(files, 5, 1);
    for (let f = 0; f < 5; f++) expect(files.filter((_, i) => stratified[i] === f).map((s) => s.label).sort()).toEqual(['flex', 'punch']);
    expect(() => assignFolds(files, 6, 1)).toThrow(/at most 5: label "punch" has only 5 segments/);
  });
});
