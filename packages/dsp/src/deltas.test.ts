import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, toArray } from 'rxjs';
import { f32, loadGolden, snrDb } from '../test/helpers.js';
import type { Frame } from './chunk.js';
import { computeDeltas, createDeltaPlan } from './deltas.js';
import { deltas } from './operators/deltas.js';

interface Case {
  width: number;
  frames: number;
  features: number;
  deltas: number[];
}

describe('deltas', () => {
  const g = loadGolden<{ input: number[]; cases: Case[] }>('deltas');
  const input = f32(g.input);

  it.each(g.cases.map((c) => [c.width, c.frames, c] as const))('width %i over %i frames matches python_speech_features', (_w, _f, c) => {
    const plan = createDeltaPlan({ features: c.features, width: c.width });
    expect(snrDb(c.deltas, computeDeltas(plan, input.subarray(0, c.frames * c.features), c.frames))).toBeGreaterThan(120);
  });

  it('streams the same deltas, N frames late, with each delta stamped with its own frame index', async () => {
    const plan = createDeltaPlan({ features: 7, width: 2 });
    const framesIn: Frame[] = Array.from({ length: 30 }, (_, i) => ({ data: input.slice(i * 7, i * 7 + 7), index: i * 160, sampleRate: 16000, channels: 1 }));
    const out = await lastValueFrom(from(framesIn).pipe(deltas(plan), toArray()));
    expect(out.map((f) => f.index)).toEqual(framesIn.map((f) => f.index));
    const batch = computeDeltas(plan, input, 30);
    expect(f32(out.flatMap((f) => Array.from(f.data)))).toEqual(batch);
  });

  it('rejects a frame of the wrong width as an error notification', async () => {
    const bad: Frame = { data: new Float32Array(3), index: 0, sampleRate: 1, channels: 1 };
    await expect(lastValueFrom(from([bad]).pipe(deltas({ features: 7 })))).rejects.toThrow(/deltas: frame of 3 values; expected 7/);
  });

  it('rejects width 0', () => {
    expect(() => createDeltaPlan({ features: 3, width: 0 })).toThrow(/deltas: width = 0; expected an integer in 1\.\.100/);
  });
});
