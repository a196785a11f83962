import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGestureData } from '../data/load-gesture-data.js';
import { generateGestureSet, IMU_AXES, type GeneratedExample } from './gesture-set.js';
import { GENERATED_LABELS } from './motions.js';
import { writeGestureSet } from './write-gesture-set.js';

/**
 * A crude summary no model was fitted to, blind to how the board sits on the wrist: the profile of |a|
 * and |w| over six stretches of the window and their peaks, and each axis's spread.
 */
function summary(e: GeneratedExample): number[] {
  const frames = e.samples.length / 6;
  const out: number[] = [];
  for (const offset of [0, 3]) {
    const v = Array.from({ length: frames }, (_, n) => Math.hypot(e.samples[n * 6 + offset]!, e.samples[n * 6 + offset + 1]!, e.samples[n * 6 + offset + 2]!));
    for (let b = 0; b < 6; b++) {
      const part = v.slice(Math.floor((b * frames) / 6), Math.floor(((b + 1) * frames) / 6));
      out.push(part.reduce((s, x) => s + x, 0) / part.length);
    }
    out.push(Math.max(...v));
  }
  for (let c = 0; c < 6; c++) {
    const v = e.samples.filter((_, i) => i % 6 === c);
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    out.push(Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length));
  }
  return out;
}

describe('generateGestureSet', () => {
  const set = generateGestureSet({ persons: 6, perPerson: 3, seed: 5 });

  it('makes every label for every person, each a trigger-cut window of 1.5 s', () => {
    expect(set.examples).toHaveLength(6 * 3 * GENERATED_LABELS.length);
    for (const e of set.examples) expect(e.samples.length).toBe(150 * 6);
    // Every gesture fires the trigger; a still wrist does not.
    expect(set.examples.filter((e) => e.label !== 'idle').every((e) => e.triggered)).toBe(true);
    expect(set.examples.some((e) => e.label === 'idle' && !e.triggered)).toBe(true);
  });

  it('classes are separable: nearest class centroid of standardized summaries, persons held out, >= 95 %', () => {
    const rows = set.examples.map(summary);
    const dims = rows[0]!.length;
    const mean = Array.from({ length: dims }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0) / rows.length);
    const std = Array.from({ length: dims }, (_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / rows.length) || 1);
    const z = rows.map((r) => r.map((v, j) => (v - mean[j]!) / std[j]!));
    let right = 0;
    set.examples.forEach((e, i) => {
      // Centroids from the other persons only.
      const distance = (label: string): number => {
        const members = z.filter((_, k) => set.examples[k]!.label === label && set.examples[k]!.person !== e.person);
        const centroid = Array.from({ length: dims }, (_, j) => members.reduce((s, r) => s + r[j]!, 0) / members.length);
        return centroid.reduce((s, c, j) => s + (c - z[i]![j]!) ** 2, 0);
      };
      const best = GENERATED_LABELS.reduce((a, b) => (distance(b) < distance(a) ? b : a));
      if (best === e.label) right++;
    });
    expect(right / set.examples.length).toBeGreaterThanOrEqual(0.95);
  });

  it('is seeded: the same seed repeats, person k is the same whatever the number of persons', () => {
    const again = generateGestureSet({ persons: 2, perPerson: 3, seed: 5 });
    expect(Array.from(again.examples[5]!.samples)).toEqual(Array.from(set.examples[5]!.samples));
    const other = generateGestureSet({ persons: 1, perPerson: 1, seed: 6 });
    expect(Array.from(other.examples[0]!.samples)).not.toEqual(Array.from(set.examples[0]!.samples));
  });

  it('refuses impossible settings by name', () => {
    expect(() => generateGestureSet({ persons: 0 })).toThrow(/persons/);
    expect(() => generateGestureSet({ labels: ['punch', 'jump' as 'punch'] })).toThrow(/labels.*punch, flex/);
    expect(() => generateGestureSet({ window: 0.2, preTrigger: 0.25 })).toThrow(/preTrigger/);
  });

  it('writes the Arduino layout and a manifest that loadGestureData reads back with persons as groups', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gesture-set-'));
    try {
      const small = generateGestureSet({ persons: 2, perPerson: 2, seed: 9, labels: ['punch', 'idle'] });
      await writeGestureSet(dir, small);
      const punch = await readFile(join(dir, 'punch.csv'), 'utf8');
      expect(punch.split('\n')[0]).toBe(IMU_AXES.join(','));
      expect(punch.split('\n\n')).toHaveLength(4);
      const data = await loadGestureData([dir]);
      expect(data).toMatchObject({ sampleRate: 100, channels: 6, labels: ['idle', 'punch'] });
      expect(data.segments.map((s) => s.group)).toEqual(['person 0', 'person 0', 'person 1', 'person 1', 'person 0', 'person 0', 'person 1', 'person 1']);
      // 4 significant digits: within 0.05 % of the generated readings.
      const original = small.examples.filter((e) => e.label === 'punch')[0]!.samples;
      const back = data.segments.find((s) => s.label === 'punch')!.samples;
      for (let i = 0; i < original.length; i++) expect(Math.abs(back[i]! - original[i]!)).toBeLessThanOrEqual(Math.abs(original[i]!) * 5e-4 + 1e-9);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
