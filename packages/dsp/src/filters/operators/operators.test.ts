import { expectTypeOf, describe, expect, it } from 'vitest';
import type { OperatorFunction } from 'rxjs';
import { f32, loadGolden, randomChunks, runOperator, concatSamples, wholeChunk } from '../../../test/helpers.js';
import type { SampleChunk } from '../../chunk.js';
import { createBiquadPlan } from '../biquad.js';
import { createButterworthPlan } from '../butterworth.js';
import { createFirPlan } from '../fir-design.js';
import { dcBlock, fir, preEmphasis, sosFilter } from './index.js';

describe('filter operators', () => {
  const golden = loadGolden<{ signal: number[]; sampleRate: number }>('filters_biquad');
  const fs = golden.sampleRate;
  const mono = f32(golden.signal);
  const stereo = new Float32Array(2 * mono.length);
  mono.forEach((v, i) => {
    stereo[2 * i] = v;
    stereo[2 * i + 1] = 0.25 - v * v;
  });

  const operators: [string, () => OperatorFunction<SampleChunk, SampleChunk>][] = [
    ['sosFilter (Butterworth)', () => sosFilter(createButterworthPlan({ type: 'bandstop', order: 4, sampleRate: fs, cutoff: [900, 1100] }))],
    ['sosFilter (biquad)', () => sosFilter(createBiquadPlan({ type: 'peaking', sampleRate: fs, frequency: 440, q: 3, gainDb: -12 }))],
    ['fir', () => fir(createFirPlan({ type: 'highpass', numTaps: 41, sampleRate: fs, cutoff: 500 }))],
    ['dcBlock', () => dcBlock({ r: 0.99 })],
    ['preEmphasis', () => preEmphasis({ coefficient: 0.98 })],
  ];

  it.each(operators)('%s: random chunking of a stereo stream equals one whole chunk, chunk metadata kept', async (_name, make) => {
    const batch = await runOperator([wholeChunk(stereo, fs, 2)], make());
    for (const seed of [1, 2, 3]) {
      const chunks = randomChunks(stereo, fs, 2, seed, 300);
      const before = chunks.map((c) => c.samples.slice());
      const out = await runOperator(chunks, make());
      expect(out.map((c) => [c.index, c.sampleRate, c.channels, c.samples.length])).toEqual(
        chunks.map((c) => [c.index, c.sampleRate, c.channels, c.samples.length]),
      );
      expect(concatSamples(out)).toEqual(batch[0]!.samples);
      // the operator writes fresh arrays; the source's chunks are untouched
      chunks.forEach((c, i) => expect(c.samples).toEqual(before[i]));
    }
    // each channel filtered as if alone
    const left = await runOperator([wholeChunk(mono, fs)], make());
    expect(batch[0]!.samples.filter((_, i) => i % 2 === 0)).toEqual(left[0]!.samples);
  });

  it.each(operators)('%s: NaN input becomes an error notification naming the sample', async (_name, make) => {
    const bad = mono.slice(0, 100);
    bad[57] = NaN;
    const chunks = [wholeChunk(mono.slice(0, 40), fs), { samples: bad, sampleRate: fs, channels: 1, index: 40 }];
    await expect(runOperator(chunks, make())).rejects.toThrow(/sample 97 is NaN; expected a finite number/);
  });

  it('two subscriptions never share filter state', async () => {
    const op = sosFilter(createButterworthPlan({ type: 'lowpass', order: 2, sampleRate: fs, cutoff: 300 }));
    const a = await runOperator([wholeChunk(mono, fs)], op);
    const b = await runOperator([wholeChunk(mono, fs)], op);
    expect(b[0]!.samples).toEqual(a[0]!.samples);
  });

  it('rejects a stream at a rate other than the design rate', async () => {
    const op = fir(createFirPlan({ type: 'lowpass', numTaps: 11, sampleRate: 100, cutoff: 10 }));
    await expect(runOperator([wholeChunk(mono, 200)], op)).rejects.toThrow(/fir: chunk sample rate 200 Hz; the filter was designed for 100 Hz/);
    const sos = sosFilter(createBiquadPlan({ type: 'lowpass', sampleRate: 100, frequency: 10 }));
    await expect(runOperator([wholeChunk(mono, 16000)], sos)).rejects.toThrow(/sosFilter: chunk sample rate 16000 Hz/);
  });

  it('rejects bad options when the operator is built, before any data', () => {
    expect(() => dcBlock({ r: 2 })).toThrow(/dcBlocker: r = 2/);
    expect(() => preEmphasis({ coefficient: -1 })).toThrow(/preEmphasis: coefficient = -1/);
  });

  it('types: every operator maps SampleChunk to SampleChunk', () => {
    expectTypeOf(dcBlock()).toEqualTypeOf<OperatorFunction<SampleChunk, SampleChunk>>();
    expectTypeOf(preEmphasis).parameter(0).toMatchTypeOf<{ coefficient?: number } | undefined>();
  });
});
