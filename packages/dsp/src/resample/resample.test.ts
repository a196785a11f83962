import type { OperatorFunction } from 'rxjs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { concatSamples, f32, loadGolden, randomChunks, runOperator, snrDb } from '../../test/helpers.js';
import type { SampleChunk } from '../chunk.js';
import { ParameterError } from '../errors.js';
import { resample } from './operators/resample.js';
import { createResamplePlan, resampledLength } from './resample-plan.js';
import { Resampler, resampleSignal } from './resampler.js';

interface GoldenCase {
  from: number;
  to: number;
  channels: number;
  kaiserBeta: number;
  input: number[];
  output: number[];
}

const golden = loadGolden<{ cases: GoldenCase[] }>('resample').cases;
const label = (c: GoldenCase): string => `${c.from} -> ${c.to} Hz, ${c.channels} ch, beta ${c.kaiserBeta}`;

/** Streams `signal` through a Resampler in random chunk sizes, pushing into exactly sized buffers. */
function streamThrough(plan: ReturnType<typeof createResamplePlan>, signal: Float32Array, channels: number, seed: number, maxFrames: number): Float32Array {
  const r = new Resampler(plan, channels, 16);
  const parts: { samples: Float32Array }[] = [];
  for (const chunk of randomChunks(signal, plan.description.options.from, channels, seed, maxFrames)) {
    const out = new Float32Array(r.outputLength(chunk.samples.length / channels) * channels);
    expect(r.push(chunk.samples, out) * channels).toBe(out.length);
    parts.push({ samples: out });
  }
  const tail = new Float32Array(r.flushLength() * channels);
  expect(r.flush(tail) * channels).toBe(tail.length);
  parts.push({ samples: tail });
  return concatSamples(parts);
}

describe('resample', () => {
  it.each(golden.map((c) => [label(c), c] as const))('matches scipy.signal.resample_poly, edges included: %s', (_l, c) => {
    const plan = createResamplePlan({ from: c.from, to: c.to, kaiserBeta: c.kaiserBeta });
    const y = resampleSignal(plan, f32(c.input), c.channels);
    expect(y.length).toBe(c.output.length);
    expect(resampledLength(plan, c.input.length / c.channels) * c.channels).toBe(c.output.length);
    // Both sides zero-pad the input and trim the filter delay identically, so the whole output (edges
    // included) is compared. Taps and sums are double precision; the float32 output rounding limits SNR
    // to ~150 dB, and the interior alone must meet the same floor.
    expect(snrDb(c.output, y)).toBeGreaterThan(130);
    const edge = Math.ceil(plan.halfLength / plan.down) * c.channels;
    expect(snrDb(c.output.slice(edge, -edge || undefined), y.slice(edge, -edge || undefined))).toBeGreaterThan(130);
  });

  it('reduces the ratio by the gcd and costs tapsPerPhase multiply-adds per output', () => {
    expect(createResamplePlan({ from: 48000, to: 16000 })).toMatchObject({ up: 1, down: 3, halfLength: 30, tapsPerPhase: 61 });
    expect(createResamplePlan({ from: 44100, to: 16000 })).toMatchObject({ up: 160, down: 441, halfLength: 4410, tapsPerPhase: 56 });
    expect(createResamplePlan({ from: 22050, to: 16000 })).toMatchObject({ up: 320, down: 441 });
    expect(createResamplePlan({ from: 16000, to: 44100 })).toMatchObject({ up: 441, down: 160, tapsPerPhase: 21 });
    expect(createResamplePlan({ from: 16000, to: 48000 })).toMatchObject({ up: 3, down: 1 });
    expect(createResamplePlan({ from: 16000, to: 16000 })).toMatchObject({ up: 1, down: 1, tapsPerPhase: 1 });
  });

  it.each(golden.map((c) => [label(c), c] as const))('streaming equals batch under random chunking: %s', (_l, c) => {
    const plan = createResamplePlan({ from: c.from, to: c.to, kaiserBeta: c.kaiserBeta });
    const signal = f32(c.input);
    const batch = resampleSignal(plan, signal, c.channels);
    for (const [seed, maxFrames] of [[1, 1], [2, 7], [3, 97], [4, 700]] as const) {
      expect(streamThrough(plan, signal, c.channels, seed, maxFrames)).toEqual(batch);
    }
  });

  it('writes nothing past the frames it reports', () => {
    const plan = createResamplePlan({ from: 44100, to: 16000 });
    const r = new Resampler(plan, 2);
    const input = new Float32Array(2 * 3000).map((_, i) => Math.sin(i / 7));
    const n = r.outputLength(3000);
    const out = new Float32Array(2 * n + 10).fill(42);
    expect(r.push(input, out)).toBe(n);
    expect(Array.from(out.subarray(2 * n))).toEqual(new Array(10).fill(42));
    const tail = new Float32Array(2 * r.flushLength() + 4).fill(42);
    const t = r.flush(tail);
    expect(n + t).toBe(resampledLength(plan, 3000));
    expect(Array.from(tail.subarray(2 * t))).toEqual([42, 42, 42, 42]);
  });

  it('operator emits the batch samples at the new rate with contiguous output indices', async () => {
    const c = golden.find((g) => g.channels === 2)!;
    const plan = createResamplePlan({ from: c.from, to: c.to, kaiserBeta: c.kaiserBeta });
    const batch = resampleSignal(plan, f32(c.input), 2);
    for (const seed of [1, 2, 3]) {
      const out = await runOperator(randomChunks(f32(c.input), c.from, 2, seed, 60), resample({ to: c.to, kaiserBeta: c.kaiserBeta }));
      expect(concatSamples(out)).toEqual(batch);
      let index = 0;
      for (const chunk of out) {
        expect(chunk).toMatchObject({ sampleRate: 16000, channels: 2, index });
        index += chunk.samples.length / 2;
      }
    }
  });

  it('ends a segment at an index gap and restarts with the mapped output index', async () => {
    const plan = createResamplePlan({ from: 48000, to: 16000 });
    const a = new Float32Array(300).map((_, i) => Math.sin(i / 5));
    const b = new Float32Array(150).map((_, i) => Math.cos(i / 3));
    const out = await runOperator(
      [
        { samples: a, sampleRate: 48000, channels: 1, index: 0 },
        { samples: b, sampleRate: 48000, channels: 1, index: 3000 },
      ],
      resample({ to: 16000 }),
    );
    const first = concatSamples(out.filter((c) => c.index < 1000));
    const second = concatSamples(out.filter((c) => c.index >= 1000));
    expect(first).toEqual(resampleSignal(plan, a));
    expect(second).toEqual(resampleSignal(plan, b));
    expect(out.find((c) => c.index >= 1000)!.index).toBe(1000);
  });

  it('types the operator as chunks in, chunks out', () => {
    expectTypeOf(resample({ to: 16000 })).toEqualTypeOf<OperatorFunction<SampleChunk, SampleChunk>>();
  });

  it('rejects bad parameters with ParameterError before processing', () => {
    expect(() => createResamplePlan({ from: -16000, to: 8000 })).toThrow(/resample: from = -16000; expected an integer in 1\.\.10000000 \(Hz\)/);
    expect(() => createResamplePlan({ from: 16000, to: 0 })).toThrow(ParameterError);
    expect(() => createResamplePlan({ from: NaN, to: 8000 })).toThrow(/from = NaN/);
    expect(() => createResamplePlan({ from: 16000.5, to: 8000 })).toThrow(/from = 16000.5/);
    expect(() => createResamplePlan({ from: 16000, to: 8000, kaiserBeta: -1 })).toThrow(/kaiserBeta = -1/);
    expect(() => createResamplePlan({ from: 44100, to: 44101 })).toThrow(/to = 44101.*44101\/44100/);
    expect(() => createResamplePlan({ from: 16000, to: 8000, rate: 2 } as never)).toThrow(/rate.*no such option/);
    expect(() => resample({ to: 0 })).toThrow(/resample: to = 0/);
    expect(() => resample({ to: NaN })).toThrow(ParameterError);
    expect(() => resample({ to: 16000, from: 8000 } as never)).toThrow(/from.*no such option/);
  });

  it('turns NaN input into an error notification', async () => {
    const bad = new Float32Array(100);
    bad[42] = NaN;
    await expect(runOperator([{ samples: bad, sampleRate: 48000, channels: 1, index: 0 }], resample({ to: 16000 }))).rejects.toThrow(
      /resample: sample 42 is NaN/,
    );
  });

  it('reports a non-integer input rate as an error notification', async () => {
    const chunk = { samples: new Float32Array(10), sampleRate: 44100.5, channels: 1, index: 0 };
    await expect(runOperator([chunk], resample({ to: 16000 }))).rejects.toThrow(/resample: from = 44100.5/);
  });
});
