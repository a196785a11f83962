import { PassThrough } from 'node:stream';
import { from, throwError, concat } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { SampleChunk } from '@sensorkit/dsp';
import { rowsSink } from './rows-sink.js';

function capture(): { out: PassThrough; text: () => string } {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  return { out, text: () => Buffer.concat(parts).toString() };
}

const chunks: SampleChunk[] = [
  { samples: Float32Array.of(1, -1, 0.5, 0.25), sampleRate: 4, channels: 2, index: 0 },
  { samples: Float32Array.of(0.125, 3), sampleRate: 4, channels: 2, index: 2 },
];

describe('rowsSink', () => {
  it('writes one CSV row per reading, time from the sample index, whatever the chunking', async () => {
    const { out, text } = capture();
    const { rows } = await rowsSink(out, { format: 'csv', columns: ['aX', 'aY'] })(from(chunks));
    expect(rows).toBe(3);
    expect(text()).toBe('time,aX,aY\n0,1,-1\n0.25,0.5,0.25\n0.5,0.125,3\n');
  });

  it('writes JSON lines named after columns known only at the first chunk, or ch<n> when they do not fit', async () => {
    const a = capture();
    await rowsSink(a.out, { format: 'jsonl', columns: () => ['x', 'y'] })(from(chunks));
    expect(a.text().split('\n')[0]).toBe('{"time":0,"x":1,"y":-1}');
    const b = capture();
    await rowsSink(b.out, { format: 'jsonl', columns: ['only-one'] })(from(chunks));
    expect(b.text().split('\n')[2]).toBe('{"time":0.5,"ch0":0.125,"ch1":3}');
  });

  it('keeps what came before a stream error, then rejects with it', async () => {
    const { out, text } = capture();
    const failing = concat(from(chunks.slice(0, 1)), throwError(() => new Error('board unplugged')));
    await expect(rowsSink(out, { format: 'csv' })(failing)).rejects.toThrow('board unplugged');
    expect(text()).toBe('time,ch0,ch1\n0,1,-1\n0.25,0.5,0.25\n');
  });
});
