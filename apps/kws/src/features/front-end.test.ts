import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createRandom, frames, logMelFrames, mfccFrames, ParameterError, type SampleChunk } from '@sensorkit/dsp';
import { WindowBuffer } from '../listen/window-buffer.js';
import { createKwsFrontEnd, windowFeatures } from './front-end.js';
import { applyNormalizer, fitNormalizer } from './normalizer.js';

/** 3 s of a chirp in noise at 16 kHz. */
function signal(seconds: number): Float32Array {
  const random = createRandom(5);
  return Float32Array.from({ length: seconds * 16000 }, (_, i) => 0.3 * Math.sin(2 * Math.PI * (200 + 0.1 * i) * (i / 16000)) + 0.05 * random.gaussian());
}

async function streamFrames(samples: Float32Array, preset: string): Promise<Float32Array[]> {
  const fe = createKwsFrontEnd(preset);
  const chunks: SampleChunk[] = [];
  for (let i = 0; i < samples.length; i += 777) chunks.push({ samples: samples.slice(i, i + 777), sampleRate: 16000, channels: 1, index: i });
  const features = fe.output === 'mfcc' ? mfccFrames(fe.mfcc) : logMelFrames(fe.mfcc.logMel);
  return (await lastValueFrom(from(chunks).pipe(frames(fe.framing), features, toArray()))).map((f) => f.data);
}

describe('kws front end', () => {
  it.each([
    ['mlperf-kws', 10],
    ['mlperf-kws-logmel', 40],
  ])('%s: 49 x %i per second, equal to the @sensorkit/dsp operators on the same second', async (preset, width) => {
    const fe = createKwsFrontEnd(preset);
    expect([fe.frames, fe.width]).toEqual([49, width]);
    expect(fe.descriptions.map((d) => d.block)).toEqual(['framing', 'mfcc']);
    const samples = signal(1);
    const stream = await streamFrames(samples, preset);
    expect(stream).toHaveLength(49);
    expect(Array.from(windowFeatures(fe, samples))).toEqual(stream.flatMap((f) => Array.from(f)));
  });

  it('streaming windows (WindowBuffer over the operator frames) equal the batch features of each second', async () => {
    const fe = createKwsFrontEnd('mlperf-kws');
    const samples = signal(3);
    const normalizer = fitNormalizer(windowFeatures(fe, samples.subarray(0, 16000)), fe.width);
    const buffer = new WindowBuffer(fe.frames, fe.width, 5, (frame) => applyNormalizer(normalizer, frame));
    const windows: { first: number; data: Float32Array }[] = [];
    (await streamFrames(samples, 'mlperf-kws')).forEach((frame, k) => {
      const w = buffer.push(frame);
      if (w) windows.push({ first: k - fe.frames + 1, data: w });
    });
    // 3 s = 149 frames: the first window at frame 48, then every 5 frames (100 ms).
    expect(windows.map((w) => w.first)).toEqual(Array.from({ length: 21 }, (_, i) => i * 5));
    for (const w of windows) {
      const start = w.first * fe.framing.hop;
      const batch = applyNormalizer(normalizer, windowFeatures(fe, samples.slice(start, start + 16000)));
      expect(Array.from(w.data)).toEqual(Array.from(batch));
    }
  });

  it('refuses an unknown preset and a window that is not 1 s', () => {
    expect(() => createKwsFrontEnd('edge-impulse-mfcc')).toThrow(ParameterError);
    expect(() => createKwsFrontEnd('edge-impulse-mfcc')).toThrow(/preset = "?edge-impulse-mfcc"?; expected one of mlperf-kws, mlperf-kws-logmel/);
    expect(() => windowFeatures(createKwsFrontEnd('mlperf-kws'), new Float32Array(8000))).toThrow(/samples.length = 8000; expected 16000/);
  });
});
