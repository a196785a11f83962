import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, concatSamples, scratchDir } from '../test/helpers.js';
import { FormatError } from './errors.js';
import { readRaw, readRawChunks } from './raw-reader.js';

const tmp = scratchDir();
afterAll(() => tmp.cleanup());

describe('raw reader', () => {
  const f32 = Float32Array.from({ length: 3 * 1000 }, (_, i) => Math.sin(i / 7) * 3);
  const f32Path = tmp.path('accel.f32');
  writeFileSync(f32Path, Buffer.from(f32.buffer));
  const i16 = Int16Array.from({ length: 2 * 500 }, (_, i) => ((i * 131) % 65536) - 32768);
  const s16Path = tmp.path('speech.s16');
  writeFileSync(s16Path, Buffer.from(i16.buffer));

  it('reads little-endian float32 as stored and int16 scaled by 1/32768', async () => {
    expect(await readRaw(f32Path, { sampleRate: 1000, channels: 3 })).toEqual({ sampleRate: 1000, channels: 3, samples: f32, encoding: 'float32' });
    const s16 = await readRaw(s16Path, { sampleRate: 16000, channels: 2, encoding: 'int16' });
    expect(Array.from(s16.samples)).toEqual(Array.from(i16, (v) => v / 32768));
  });

  it('streams in chunks of any size, equal to the whole read', async () => {
    for (const chunkFrames of [1, 33, 4096]) {
      const chunks = await collect(readRawChunks(f32Path, { sampleRate: 1000, channels: 3, chunkFrames }));
      expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, k) => k * chunkFrames));
      expect(concatSamples(chunks)).toEqual(f32);
    }
  });

  it('a size that is not whole frames is an error naming the leftover bytes', async () => {
    const err = await readRaw(f32Path, { sampleRate: 1000, channels: 7 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FormatError);
    expect((err as Error).message).toBe(
      `${f32Path}: raw: file size 12000 bytes is not a multiple of the 28-byte frame (7 channels x 4-byte float32); 16 bytes left over: check channels and encoding (at byte 11984)`,
    );
    const odd = tmp.path('odd.s16');
    writeFileSync(odd, Buffer.alloc(5));
    await expect(collect(readRawChunks(odd, { sampleRate: 8000, channels: 1, encoding: 'int16' }))).rejects.toThrow('1 bytes left over');
  });

  it('needs sampleRate and channels, and says why', () => {
    expect(() => readRawChunks(f32Path, { channels: 1 } as never)).toThrow(
      'raw-reader: sampleRate = undefined; expected a rate in Hz > 0 (raw files have no header to read it from)',
    );
    expect(() => readRawChunks(f32Path, { sampleRate: 100 } as never)).toThrow('raw-reader: channels = undefined; expected a channel count >= 1');
    expect(() => readRawChunks(f32Path, { sampleRate: 100, channels: 1, encoding: 'int8' as never })).toThrow(
      'raw-reader: encoding = "int8"; expected one of "float32", "int16"',
    );
  });
});
