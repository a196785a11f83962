import { describe, expect, it } from 'vitest';
import { concatSamples, f32, loadGolden, randomChunks, runOperator, wholeChunk } from '../test/helpers.js';
import type { Frame } from './chunk.js';
import { createFramingPlan, frameCount, frameSignal } from './framing.js';
import { frames } from './operators/frames.js';

interface GoldenFraming {
  signal: number[];
  cases: { length: number; hop: number; count: number; frames: number[]; paddedCount: number; padded: number[] }[];
}

describe('framing', () => {
  const golden = loadGolden<GoldenFraming>('framing');
  const signal = f32(golden.signal);

  it.each(golden.cases.map((c) => [c.length, c.hop, c] as const))('length %i hop %i matches numpy framing', (_l, _h, c) => {
    const plan = createFramingPlan({ length: c.length, hop: c.hop });
    const out = frameSignal(plan, signal);
    expect(out.length).toBe(c.count);
    expect(frameCount(plan, signal.length)).toBe(c.count);
    expect(Array.from(concatSamples(out.map((samples) => ({ samples }))))).toEqual(c.frames.map(Math.fround));

    const padPlan = createFramingPlan({ length: c.length, hop: c.hop, padEnd: true });
    const padded = frameSignal(padPlan, signal);
    expect(padded.length).toBe(c.paddedCount);
    expect(frameCount(padPlan, signal.length)).toBe(c.paddedCount);
    expect(Array.from(concatSamples(padded.map((samples) => ({ samples }))))).toEqual(c.padded.map(Math.fround));
  });

  it.each([
    [480, 320],
    [50, 80],
    [64, 16],
  ])('streaming equals batch for length %i hop %i under random chunking', async (length, hop) => {
    const batch = await runOperator([wholeChunk(signal, 16000)], frames({ length, hop, padEnd: true }));
    for (const seed of [1, 2, 3]) {
      const streamed = await runOperator(randomChunks(signal, 16000, 1, seed, 97), frames({ length, hop, padEnd: true }));
      expect(streamed.map((f) => f.index)).toEqual(batch.map((f) => f.index));
      expect(streamed.map((f) => Array.from(f.data))).toEqual(batch.map((f) => Array.from(f.data)));
    }
  });

  it('frames interleaved multi-channel input and stamps sample indices', async () => {
    const stereo = new Float32Array(20).map((_, i) => i);
    const out: Frame[] = await runOperator(randomChunks(stereo, 100, 2, 5, 3), frames({ length: 4, hop: 3, channels: 2 }));
    expect(out.map((f) => f.index)).toEqual([0, 3, 6]);
    expect(Array.from(out[1]!.data)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('restarts at a gap instead of straddling it', async () => {
    const a = { samples: new Float32Array(6).fill(1), sampleRate: 10, channels: 1, index: 0 };
    const b = { samples: new Float32Array(6).fill(2), sampleRate: 10, channels: 1, index: 100 };
    const out = await runOperator([a, b], frames({ length: 4, hop: 2 }));
    expect(out.map((f) => f.index)).toEqual([0, 2, 100, 102]);
    expect(out.every((f) => f.data.every((v) => v === f.data[0]))).toBe(true);
  });

  it('turns NaN input into an error notification naming the sample', async () => {
    const bad = new Float32Array(10);
    bad[7] = NaN;
    await expect(runOperator([{ samples: bad, sampleRate: 10, channels: 1, index: 40 }], frames({ length: 4 }))).rejects.toThrow(
      /framing: sample 47 is NaN; expected a finite number/,
    );
  });

  it('rejects a chunk whose rate changes mid-stream', async () => {
    const a = { samples: new Float32Array(4), sampleRate: 10, channels: 1, index: 0 };
    const b = { samples: new Float32Array(4), sampleRate: 20, channels: 1, index: 4 };
    await expect(runOperator([a, b], frames({ length: 2 }))).rejects.toThrow(/sample rate 20 Hz; expected 10 Hz/);
  });

  it('rejects impossible options before any processing', () => {
    expect(() => createFramingPlan({ length: -5 })).toThrow(/framing: length = -5/);
    expect(() => createFramingPlan({ length: 4, hop: 0 })).toThrow(/hop = 0/);
  });
});
