import { describe, expect, it } from 'vitest';
import type { SampleChunk } from '@sensorkit/dsp';
import { SampleCapture, type CapturedSample } from './sample-capture.js';

const signal = Float32Array.from({ length: 2 * 1000 }, (_, i) => Math.fround(Math.sin(i * 0.37)));

function chunked(sizes: () => number, from = 0, to = 1000): SampleChunk[] {
  const out: SampleChunk[] = [];
  for (let f = from; f < to; ) {
    const n = Math.min(sizes(), to - f);
    out.push({ samples: signal.slice(2 * f, 2 * (f + n)), sampleRate: 100, channels: 2, index: f });
    f += n;
  }
  return out;
}

/** Back-to-back samples of 0.33 s (33 frames) until `count`. */
function cut(chunks: SampleChunk[], count: number): CapturedSample[] {
  const capture = new SampleCapture(0.33);
  const got: CapturedSample[] = [];
  capture.arm();
  for (const c of chunks) {
    capture.push(c, (s) => {
      got.push(s);
      if (got.length < count) capture.arm();
    });
  }
  return got;
}

describe('SampleCapture', () => {
  it('cuts the same samples whatever the chunk sizes (streaming = batch)', () => {
    const whole = cut(chunked(() => 1000), 5);
    expect(whole.map((s) => s.startIndex)).toEqual([0, 33, 66, 99, 132]);
    whole.forEach((s, k) => expect(s.samples).toEqual(signal.slice(2 * 33 * k, 2 * 33 * (k + 1))));
    let seed = 1;
    for (const size of [1, 7, 33, 34]) expect(cut(chunked(() => size), 5)).toEqual(whole);
    expect(cut(chunked(() => (seed = (seed * 48271) % 2147483647) % 50 + 1), 5)).toEqual(whole);
  });

  it('stops when not re-armed and counts forward index jumps as gap samples', () => {
    const chunks = [...chunked(() => 10, 0, 20), ...chunked(() => 10, 25, 60)];
    const got = cut(chunks, 1);
    expect(got).toHaveLength(1);
    expect(got[0]!.gapSamples).toBe(5);
    expect(got[0]!.samples.subarray(40, 42)).toEqual(signal.subarray(50, 52)); // frame 20 of the sample is stream frame 25
  });

  it('restarts a sample when the rate changes, and says why', () => {
    const capture = new SampleCapture(0.1);
    const notices: string[] = [];
    const got: CapturedSample[] = [];
    capture.arm();
    capture.push({ samples: new Float32Array(5), sampleRate: 100, channels: 1, index: 0 }, (s) => got.push(s), (m) => notices.push(m));
    capture.push({ samples: new Float32Array(25).fill(1), sampleRate: 200, channels: 1, index: 5 }, (s) => got.push(s), (m) => notices.push(m));
    expect(notices).toEqual(['the stream changed from 1 channels at 100 Hz to 1 at 200 Hz; the sample restarts']);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ sampleRate: 200, startIndex: 5, gapSamples: 0 });
    expect(got[0]!.samples).toEqual(new Float32Array(20).fill(1));
  });
});
