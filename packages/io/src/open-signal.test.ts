import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, concatSamples, fixturesDir, scratchDir } from '../test/helpers.js';
import type { CsvChunk } from './csv-decoder.js';
import { openSignal } from './open-signal.js';
import { readWav } from './wav-reader.js';
import { WavWriter } from './wav-writer.js';

const tmp = scratchDir();
afterAll(() => tmp.cleanup());

describe('openSignal', () => {
  it('opens WAV by extension: info from the header, chunks re-readable', async () => {
    const path = `${fixturesDir}ext_pcm24_6ch.wav`;
    const { info, chunks } = await openSignal(path, { chunkFrames: 32 });
    expect(info).toEqual({ sampleRate: 48000, channels: 6, format: 'wav', encoding: 'pcm24', frames: 90, channelNames: undefined });
    const first = await collect(chunks);
    expect(first.map((c) => c.index)).toEqual([0, 32, 64]);
    expect(concatSamples(first)).toEqual((await readWav(path)).samples);
    expect(concatSamples(await collect(chunks))).toEqual(concatSamples(first));
  });

  it('opens raw files: encoding from .f32 / .s16 / .pcm, required for .raw and .bin', async () => {
    const f32 = Float32Array.of(0.5, -0.25, 1, 2);
    writeFileSync(tmp.path('a.f32'), Buffer.from(f32.buffer));
    writeFileSync(tmp.path('a.raw'), Buffer.from(f32.buffer));
    writeFileSync(tmp.path('a.pcm'), Buffer.from(Int16Array.of(16384, -32768).buffer));
    const a = await openSignal(tmp.path('a.f32'), { sampleRate: 100, channels: 2 });
    expect(a.info).toEqual({ sampleRate: 100, channels: 2, format: 'raw', encoding: 'float32', frames: 2, channelNames: undefined });
    expect(concatSamples(await collect(a.chunks))).toEqual(f32);
    const pcm = await openSignal(tmp.path('a.pcm'), { sampleRate: 8000, channels: 1 });
    expect(Array.from(concatSamples(await collect(pcm.chunks)))).toEqual([0.5, -1]);
    await expect(openSignal(tmp.path('a.raw'), { sampleRate: 100, channels: 1 })).rejects.toThrow(
      `openSignal: encoding = undefined; expected "float32" or "int16": the extension of ${tmp.path('a.raw')} does not say how its samples are stored`,
    );
    const raw = await openSignal(tmp.path('a.raw'), { sampleRate: 100, channels: 1, encoding: 'float32' });
    expect(raw.info.frames).toBe(4);
    await expect(openSignal(tmp.path('a.f32'), { channels: 1 })).rejects.toThrow('raw-reader: sampleRate = undefined; expected a rate in Hz > 0');
  });

  it('opens CSV: channel names and the rate from timestamps; chunks carry segments', async () => {
    const path = tmp.path('log.csv');
    writeFileSync(path, 'millis,ax,ay,label\n0,1,2,up\n20,3,4,up\n40,5,6,down\n');
    const { info, chunks } = await openSignal(path);
    expect(info).toEqual({ sampleRate: 50, channels: 2, format: 'csv', encoding: 'text', frames: undefined, channelNames: ['ax', 'ay'] });
    const got = (await collect(chunks)) as CsvChunk[];
    expect(got.map((c) => [c.segment, c.label, Array.from(c.samples)])).toEqual([
      [0, 'up', [1, 2, 3, 4]],
      [1, 'down', [5, 6]],
    ]);
    expect((await openSignal(path, { columns: ['ay'], sampleRate: 10 })).info).toMatchObject({ channels: 1, sampleRate: 10, channelNames: ['ay'] });
    await expect(openSignal(path, { channels: 3 })).rejects.toThrow(`openSignal: channels = 3; expected 2, what ${path} holds (columns ax, ay)`);
  });

  it('explains an unknown extension, a format override, and options that do not apply', async () => {
    const odd = tmp.path('signal.dat');
    writeFileSync(odd, Buffer.from(Float32Array.of(1, 2).buffer));
    await expect(openSignal(odd)).rejects.toThrow(`openSignal: format = undefined; expected one of "wav", "csv", "raw": the extension ".dat" of ${odd} does not say`);
    const forced = await openSignal(odd, { format: 'raw', encoding: 'float32', sampleRate: 1, channels: 1 });
    expect(forced.info.frames).toBe(2);
    const wav = `${fixturesDir}pcm16_stereo.wav`;
    await expect(openSignal(wav, { columns: ['x'] })).rejects.toThrow('openSignal: columns = ["x"]; expected no columns for wav files');
    await expect(openSignal(wav, { sampleRate: 8000 })).rejects.toThrow(`openSignal: sampleRate = 8000; expected 16000, what ${wav} holds; resample to change the rate`);
    await expect(openSignal(wav, { rate: 8000 } as never)).rejects.toThrow('openSignal: rate = 8000; expected no such option');
  });

  it('reports a WAV warning once, while the chunks are read', async () => {
    const path = tmp.path('unfinished.wav');
    const w = await WavWriter.open(path, { sampleRate: 8000, channels: 1 });
    await w.write(new Float32Array(10));
    const warnings: string[] = [];
    const { info, chunks } = await openSignal(path, { onWarning: (m) => warnings.push(m) });
    expect(info.frames).toBe(10);
    expect(warnings).toEqual([]);
    await collect(chunks);
    expect(warnings).toHaveLength(1);
    await w.close();
  });
});
