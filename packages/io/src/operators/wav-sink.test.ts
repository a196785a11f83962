import { from, concat, throwError, EMPTY, type Observable } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, type SampleChunk } from '@sensorkit/dsp';
import { fixturesDir, scratchDir } from '../../test/helpers.js';
import { readWav } from '../wav-reader.js';
import { wavSink } from './wav-sink.js';
import { wavSource } from './wav-source.js';

const tmp = scratchDir();
afterAll(() => tmp.cleanup());
const strict = { strict: true, onWarning: (m: string): never => { throw new Error(m); } };

const chunk = (values: number[], index: number, sampleRate = 1000, channels = 1): SampleChunk => ({
  samples: Float32Array.from(values),
  sampleRate,
  channels,
  index,
});

describe('wavSink', () => {
  it('copies a WAV stream exactly (rate and channels from the first chunk)', async () => {
    const src = `${fixturesDir}pcm16_stereo.wav`;
    const out = tmp.path('copy.wav');
    const result = await wavSink(out, { format: 'pcm16' })(wavSource(src, { chunkFrames: 37 }));
    expect(result).toMatchObject({ frames: 300, clippedSamples: 0 });
    const [a, b] = await Promise.all([readWav(src), readWav(out, strict)]);
    expect(b).toEqual(a);
  });

  it('stops at a bad chunk, keeps what was written with a patched header, and rejects with the cause', async () => {
    const out = tmp.path('nan.wav');
    const source = from([chunk([0.5, 0.25], 0), chunk([0.125], 2), chunk([NaN, 1], 3), chunk([0.75], 5)]);
    await expect(wavSink(out)(source)).rejects.toThrow(/wav-writer: sample 3 is NaN; expected a finite number/);
    expect(Array.from((await readWav(out, strict)).samples)).toEqual([0.5, 0.25, 0.125]);
  });

  it('on a source error: the file stays valid up to the error and the error is passed on', async () => {
    const out = tmp.path('source-error.wav');
    const boom = new Error('microphone unplugged');
    const source: Observable<SampleChunk> = concat(from([chunk([0.5, -0.5], 0)]), throwError(() => boom));
    await expect(wavSink(out)(source)).rejects.toBe(boom);
    expect(Array.from((await readWav(out, strict)).samples)).toEqual([0.5, -0.5]);
  });

  it('rejects a change of channel count mid-stream', async () => {
    const out = tmp.path('channels.wav');
    await expect(wavSink(out)(from([chunk([0, 0], 0), chunk([0, 0], 2, 1000, 2)]))).rejects.toThrow(InputError);
    expect((await readWav(out, strict)).samples.length).toBe(2);
  });

  it('an empty stream writes an empty file when rate and channels are given, else explains', async () => {
    expect(await wavSink(tmp.path('empty.wav'), { sampleRate: 8000, channels: 2 })(EMPTY)).toMatchObject({ frames: 0 });
    expect(await readWav(tmp.path('empty.wav'), strict)).toMatchObject({ sampleRate: 8000, channels: 2 });
    await expect(wavSink(tmp.path('none.wav'))(EMPTY)).rejects.toThrow('the stream ended without chunks; give sampleRate and channels');
  });

  it('checks options at the call', () => {
    expect(() => wavSink('x.wav', { format: 'mp3' as never })).toThrow('wav-writer: format = "mp3"');
    expect(() => wavSink('x.wav', { sampleRate: -1 })).toThrow('wav-writer: sampleRate = -1');
    expect(() => wavSink('x.wav', { bits: 16 } as never)).toThrow('wav-writer: bits = 16; expected no such option');
  });
});
