import { readFileSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '@sensorkit/dsp';
import { rng, scratchDir } from '../test/helpers.js';
import type { WritableEncoding } from './sample-codec.js';
import { readWavHeader } from './wav-header.js';
import { readWav } from './wav-reader.js';
import { WavWriter, writeWav } from './wav-writer.js';

const tmp = scratchDir();
afterAll(() => tmp.cleanup());
const strictRead = (path: string): ReturnType<typeof readWav> =>
  readWav(path, {
    strict: true,
    onWarning: (m) => {
      throw new Error(`unexpected warning: ${m}`);
    },
  });

/** Samples exactly on each format's grid, extremes included, so a correct round trip is bit-exact. */
function gridSignal(format: WritableEncoding, n: number, seed: number): Float32Array {
  const next = rng(seed);
  const out = new Float32Array(n);
  const bits = format === 'pcm16' ? 16 : format === 'pcm24' ? 24 : 24; // pcm32 keeps 24 significant bits: float32 holds no more
  const shift = format === 'pcm32' ? 2 ** 31 : 2 ** (bits - 1);
  const step = format === 'pcm32' ? 256 : 1;
  for (let i = 0; i < n; i++) {
    const k = Math.floor(next() * 2 ** bits) - 2 ** (bits - 1);
    out[i] = format === 'float32' ? (next() - 0.5) * 3 : (k * step) / shift;
  }
  if (format !== 'float32') {
    out[0] = -1;
    out[1] = format === 'pcm16' ? 32767 / 32768 : format === 'pcm24' ? 8388607 / 8388608 : Math.fround(1 - 2 ** -24);
  }
  return out;
}

describe('WAV writer', () => {
  const formats: WritableEncoding[] = ['pcm16', 'pcm24', 'pcm32', 'float32'];
  const cases = formats.flatMap((format) => [1, 2, 3, 6].map((channels) => [format, channels] as const));

  it.each(cases)('%s x %i channels: write then read gives back exactly the samples', async (format, channels) => {
    const path = tmp.path(`rt-${format}-${channels}.wav`);
    const frames = 301; // odd, so 24-bit mono needs the pad byte
    const samples = gridSignal(format, frames * channels, channels * 7 + format.length);
    const writer = await WavWriter.open(path, { sampleRate: 16000, channels, format });
    // Uneven pieces, as a stream would deliver them.
    for (let at = 0; at < frames; ) {
      const n = Math.min(frames - at, 1 + ((at * 37) % 90));
      await writer.write({ samples: samples.subarray(at * channels, (at + n) * channels), sampleRate: 16000, channels, index: at });
      at += n;
    }
    const result = await writer.close();
    expect(result).toEqual({ frames, clippedSamples: 0, bytes: statSync(path).size });
    const back = await strictRead(path);
    expect(back).toMatchObject({ sampleRate: 16000, channels, format });
    expect(back.samples).toEqual(samples);
    const header = await readWavHeader(path);
    // The spec asks for WAVE_FORMAT_EXTENSIBLE above 2 channels or 16 bits.
    expect(header.extensible).toBe(channels > 2 || format !== 'pcm16');
    expect(statSync(path).size % 2).toBe(0);
  });

  it.each(['pcm16', 'pcm24', 'float32'] as const)('%s: a file written in random pieces is byte-identical to one written whole', async (format) => {
    const samples = gridSignal(format, 3 * 1000, 5);
    await writeWav(tmp.path(`whole-${format}.wav`), { sampleRate: 1000, channels: 3, format, samples });
    const wholeBytes = readFileSync(tmp.path(`whole-${format}.wav`));
    for (const seed of [1, 2, 3]) {
      const next = rng(seed);
      const path = tmp.path(`pieces-${format}-${seed}.wav`);
      const writer = WavWriter.create(path, { sampleRate: 1000, channels: 3, format });
      const writes: Promise<void>[] = [];
      for (let at = 0; at < 1000; ) {
        const n = Math.min(1000 - at, Math.floor(next() * 120)); // empty pieces included
        writes.push(writer.write(samples.subarray(at * 3, (at + n) * 3))); // not awaited: order must still hold
        at += n;
      }
      await Promise.all(writes);
      await writer.close();
      expect(readFileSync(path).equals(wholeBytes)).toBe(true);
    }
  });

  it('float files carry a fact chunk with the frame count', async () => {
    const path = tmp.path('fact.wav');
    await writeWav(path, { sampleRate: 8000, channels: 2, format: 'float32', samples: new Float32Array(2 * 123) });
    const bytes = readFileSync(path);
    const at = bytes.indexOf('fact');
    expect(at).toBeGreaterThan(0);
    expect(bytes.readUInt32LE(at + 4)).toBe(4);
    expect(bytes.readUInt32LE(at + 8)).toBe(123);
    expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
  });

  it('clips (never wraps) on conversion to integers, and counts the clipped samples', async () => {
    const path = tmp.path('clip.wav');
    const input = Float32Array.of(1, -1, 1.5, -2, 0.99998, 40000, -0.5);
    const result = await writeWav(path, { sampleRate: 8000, channels: 1, format: 'pcm16', samples: input });
    expect(result.clippedSamples).toBe(4); // 1.0 -> 32768 does not fit either: it becomes 32767
    const bytes = readFileSync(path);
    const codes = Array.from({ length: 7 }, (_, i) => bytes.readInt16LE(44 + 2 * i));
    expect(codes).toEqual([32767, -32768, 32767, -32768, 32767, 32767, -16384]);
    const w24 = await writeWav(tmp.path('clip24.wav'), { sampleRate: 8000, channels: 1, format: 'pcm24', samples: Float32Array.of(2, -2, 0) });
    expect(w24.clippedSamples).toBe(2);
    expect(Array.from((await readWav(tmp.path('clip24.wav'))).samples)).toEqual([8388607 / 8388608, -1, 0].map(Math.fround));
    const w32 = await writeWav(tmp.path('clip32.wav'), { sampleRate: 8000, channels: 1, format: 'pcm32', samples: Float32Array.of(1, -1.0001) });
    expect(w32.clippedSamples).toBe(2);
    const b32 = readFileSync(tmp.path('clip32.wav'));
    expect([b32.readInt32LE(68), b32.readInt32LE(72)]).toEqual([2147483647, -2147483648]);
  });

  it('a writer that never closes leaves a file readers still read (placeholder sizes)', async () => {
    const path = tmp.path('crashed.wav');
    const writer = await WavWriter.open(path, { sampleRate: 16000, channels: 2, format: 'pcm16' });
    const a = gridSignal('pcm16', 200, 1);
    await writer.write(a);
    const bytes = readFileSync(path);
    expect(bytes.readUInt32LE(4)).toBe(0xffffffff);
    expect(bytes.readUInt32LE(40)).toBe(0xffffffff);
    const warnings: string[] = [];
    const back = await readWav(path, { onWarning: (m) => warnings.push(m) });
    expect(back.samples).toEqual(a);
    expect(warnings[0]).toContain('data size 0xFFFFFFFF was never patched');
    await writer.close();
    expect((await strictRead(path)).samples).toEqual(a);
  });

  it('a bad chunk is refused before any of it is written; close keeps what was written intact', async () => {
    const path = tmp.path('nan.wav');
    const writer = await WavWriter.open(path, { sampleRate: 100, channels: 1 });
    const good = gridSignal('pcm16', 50, 2);
    await writer.write({ samples: good, sampleRate: 100, channels: 1, index: 0 });
    const bad = new Float32Array(10);
    bad[3] = NaN;
    await expect(writer.write({ samples: bad, sampleRate: 100, channels: 1, index: 50 })).rejects.toThrow(
      /wav-writer: sample 53 is NaN; expected a finite number/,
    );
    await expect(writer.write({ samples: new Float32Array(4), sampleRate: 200, channels: 1, index: 60 })).rejects.toThrow(
      /chunk sample rate 200 Hz; .*nan\.wav is 100 Hz/,
    );
    await expect(writer.write({ samples: new Float32Array(4), sampleRate: 100, channels: 2, index: 60 })).rejects.toThrow(InputError);
    const result = await writer.close();
    expect(result.frames).toBe(50);
    expect((await strictRead(path)).samples).toEqual(good);
    await expect(writer.write(good)).rejects.toThrow(/already closed/);
    expect(await writer.close()).toEqual(result);
  });

  it('rejects bad options before creating the file', async () => {
    await expect(WavWriter.open(tmp.path('x.wav'), { sampleRate: 44100.5, channels: 1 })).rejects.toThrow(
      'wav-writer: sampleRate = 44100.5; expected an integer in 1..4294967295 (Hz; WAV stores whole Hz)',
    );
    await expect(WavWriter.open(tmp.path('x.wav'), { sampleRate: 8000, channels: 0 })).rejects.toThrow('wav-writer: channels = 0');
    await expect(writeWav(tmp.path('x.wav'), { sampleRate: 8000, channels: 1, format: 'pcm8' as never, samples: new Float32Array(1) })).rejects.toThrow(
      'wav-writer: format = "pcm8"; expected one of "pcm16", "pcm24", "pcm32", "float32"',
    );
    expect(() => statSync(tmp.path('x.wav'))).toThrow(/ENOENT/);
  });

  it('writeWav writes a whole signal; a ragged sample count is an error', async () => {
    const samples = gridSignal('pcm24', 3 * 40, 9);
    const path = tmp.path('whole.wav');
    expect(await writeWav(path, { sampleRate: 48000, channels: 3, format: 'pcm24', samples })).toMatchObject({ frames: 40, clippedSamples: 0 });
    expect((await strictRead(path)).samples).toEqual(samples);
    await expect(writeWav(tmp.path('ragged.wav'), { sampleRate: 8000, channels: 2, samples: new Float32Array(5) })).rejects.toThrow(
      'wav-writer: 5 samples are not a whole number of 2-channel frames',
    );
    // The failed writeWav still leaves a valid (empty) file, not a header full of placeholders.
    expect((await strictRead(tmp.path('ragged.wav'))).samples.length).toBe(0);
  });
});
