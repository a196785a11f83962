import { describe, expect, it } from 'vitest';
import { concatSamples, f32, loadGolden, randomChunks, runOperator, snrDb, wholeChunk } from '../test/helpers.js';
import { createDecibelPlan, toDecibels } from './decibels.js';
import { spectrogramFrames } from './operators/spectrogram-frames.js';
import { createSpectrogramPlan, spectrogram, type SpectrogramOptions } from './spectrogram.js';

interface Case extends Required<SpectrogramOptions> {
  frames: number;
  bins: number;
  data: number[];
}

describe('spectrogram', () => {
  const g = loadGolden<{ signal: number[]; cases: Case[] }>('spectrogram');
  const signal = f32(g.signal);

  it.each(g.cases.map((c) => [c.window, c.scale, c.frameLength, c.hop, c.fftSize, c] as const))(
    '%s window, %s scale, frame %i hop %i FFT %i matches numpy rfft',
    (_w, _s, _f, _h, _n, c) => {
      const { frames, bins, data, ...options } = c;
      const out = spectrogram(createSpectrogramPlan(options), signal);
      expect([out.frames, out.bins]).toEqual([frames, bins]);
      // dB values are compared as dB: near-silent bins (at the floor) dominate a relative check otherwise.
      expect(snrDb(data, out.data)).toBeGreaterThan(100);
    },
  );

  it('streams to the same columns under random chunking', async () => {
    const options = { frameLength: 200, hop: 80, fftSize: 256, window: 'hamming' as const };
    const batch = await runOperator([wholeChunk(signal, 8000)], spectrogramFrames(options));
    const streamed = await runOperator(randomChunks(signal, 8000, 1, 9, 150), spectrogramFrames(options));
    expect(streamed.map((f) => f.index)).toEqual(batch.map((f) => f.index));
    expect(concatSamples(streamed.map((f) => ({ samples: f.data })))).toEqual(concatSamples(batch.map((f) => ({ samples: f.data }))));
  });

  it('rejects an FFT shorter than the frame', () => {
    expect(() => createSpectrogramPlan({ frameLength: 300, fftSize: 256 })).toThrow(/spectrogram: fftSize = 256; expected a power of two in 512\.\.65536/);
  });
});

describe('decibels', () => {
  const g = loadGolden<{ input: number[]; power: number[]; magnitudeRef2: number[]; power80: number[] }>('decibels');
  const input = f32(g.input);

  it.each([
    ['power', {}, g.power],
    ['magnitude with ref 2', { input: 'magnitude', ref: 2 }, g.magnitudeRef2],
    ['power clamped to 80 dB below the peak', { topDb: 80 }, g.power80],
  ] as const)('%s matches the numpy definition', (_name, options, expected) => {
    const out = new Float32Array(input.length);
    toDecibels(createDecibelPlan(options), input, out);
    expect(snrDb(expected, out)).toBeGreaterThan(120);
  });

  it('rejects a non-positive floor or reference', () => {
    expect(() => createDecibelPlan({ floor: 0 })).toThrow(/decibels: floor = 0; expected a finite number > 0/);
    expect(() => createDecibelPlan({ ref: -1 })).toThrow(/ref = -1/);
  });
});
