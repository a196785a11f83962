import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collect, concatSamples, fixturesDir, rng } from '../test/helpers.js';
import { readWavHeader } from './wav-header.js';
import { readWav, readWavChunks } from './wav-reader.js';

interface Fixture {
  sampleRate: number;
  channels: number;
  format: string;
  frames: number;
  ints?: number[];
  expected: number[];
}

const fixtures = JSON.parse(readFileSync(`${fixturesDir}fixtures.json`, 'utf8')) as Record<string, Fixture>;
const names = Object.keys(fixtures);

describe('WAV reader against scipy-made fixtures', () => {
  it('covers every format the task names', () => {
    expect(new Set(names.map((n) => fixtures[n]!.format))).toEqual(new Set(['pcm8', 'pcm16', 'pcm24', 'pcm32', 'float32', 'float64']));
    expect(names.filter((n) => n.startsWith('ext_')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(names)('%s holds exactly the samples scipy reads, scaled as numpy scales them', async (name) => {
    const f = fixtures[name]!;
    const wav = await readWav(`${fixturesDir}${name}`);
    expect({ sampleRate: wav.sampleRate, channels: wav.channels, format: wav.format }).toEqual({
      sampleRate: f.sampleRate,
      channels: f.channels,
      format: f.format,
    });
    expect(wav.samples.length).toBe(f.frames * f.channels);
    // float32 in both: exact equality, not a tolerance.
    expect(Array.from(wav.samples)).toEqual(f.expected);
  });

  it.each(names.filter((n) => fixtures[n]!.ints))('%s: integer codes scale by 1/2^(bits-1) (8-bit: (u - 128) / 128)', async (name) => {
    const f = fixtures[name]!;
    const { samples } = await readWav(`${fixturesDir}${name}`);
    const bits = Number(f.format.slice(3));
    // scipy returns 24-bit left-justified in int32, so its codes are scaled by 2^31 like 32-bit ones.
    const scale = f.format === 'pcm8' ? 128 : f.format === 'pcm24' ? 2 ** 31 : 2 ** (bits - 1);
    const offset = f.format === 'pcm8' ? 128 : 0;
    expect(Array.from(samples)).toEqual(f.ints!.map((v) => Math.fround((v - offset) / scale)));
  });

  it('reads the header alone: format, extensible flag, channel mask and frame count', async () => {
    const h = await readWavHeader(`${fixturesDir}ext_pcm24_6ch.wav`);
    expect(h).toMatchObject({ extensible: true, formatTag: 0xfffe, encoding: 'pcm24', channels: 6, sampleRate: 48000, channelMask: 0x3f });
    expect(h.frames).toBe(90);
    expect(h.warnings).toEqual([]);
    const plain = await readWavHeader(`${fixturesDir}pcm24_mono.wav`);
    // LIST (odd size, padded) and junk chunks lie before data: the data offset must skip both.
    expect(plain).toMatchObject({ extensible: false, formatTag: 1, frames: 257, blockAlign: 3 });
    expect(plain.dataOffset).toBeGreaterThan(44);
  });

  it.each(names)('%s: reading in chunks of any size equals reading it whole', async (name) => {
    const path = `${fixturesDir}${name}`;
    const whole = await readWav(path);
    for (const chunkFrames of [1, 7, 64, 4096]) {
      const chunks = await collect(readWavChunks(path, { chunkFrames }));
      expect(chunks.every((c) => c.sampleRate === whole.sampleRate && c.channels === whole.channels)).toBe(true);
      let next = 0;
      for (const c of chunks) {
        expect(c.index).toBe(next);
        expect(c.samples.length / c.channels).toBeLessThanOrEqual(chunkFrames);
        next += c.samples.length / c.channels;
      }
      expect(concatSamples(chunks)).toEqual(whole.samples);
    }
  });

  it('lets the consumer break out early and closes the file (a later read still works)', async () => {
    const path = `${fixturesDir}pcm16_stereo.wav`;
    const seen: number[] = [];
    for await (const c of readWavChunks(path, { chunkFrames: 10 })) {
      seen.push(c.index);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([0, 10, 20]);
    const random = rng(4);
    const chunkFrames = 1 + Math.floor(random() * 50);
    expect(concatSamples(await collect(readWavChunks(path, { chunkFrames })))).toEqual((await readWav(path)).samples);
  });

  it('rejects bad options when called, before opening anything', () => {
    expect(() => readWavChunks('missing.wav', { chunkFrames: 0 })).toThrow(/wav-reader: chunkFrames = 0; expected an integer in 1\.\.16777216/);
    expect(() => readWavChunks('missing.wav', { chunkSize: 5 } as never)).toThrow(/wav-reader: chunkSize = 5; expected no such option/);
  });
});
