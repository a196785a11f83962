import { describe, expect, it } from 'vitest';
import type { SampleChunk } from '@sensorkit/dsp';
import { concatSamples, int16Bytes, rng } from '../../test/helpers.js';
import { Pcm16Chunker } from './pcm16-chunker.js';

function feed(chunker: Pcm16Chunker, bytes: Uint8Array, cuts: number[]): SampleChunk[] {
  const out: SampleChunk[] = [];
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    // Pieces are views into a larger buffer at odd offsets, as Node's pooled Buffers are.
    const padded = new Uint8Array(cut - at + 3);
    padded.set(bytes.subarray(at, cut), 3);
    out.push(...chunker.push(padded.subarray(3)));
    at = cut;
  }
  const tail = chunker.flush();
  if (tail.chunk) out.push(tail.chunk);
  return out;
}

describe('Pcm16Chunker', () => {
  const random = rng(9);
  const codes = Array.from({ length: 3 * 1001 }, (_, i) => (i < 4 ? [-32768, 32767, -1, 1][i]! : Math.floor(random() * 65536) - 32768));
  const bytes = int16Bytes(codes);
  const expected = Float32Array.from(codes, (c) => c / 32768);

  it('decodes any split of the bytes exactly, in chunks of chunkFrames with frame indices', () => {
    for (let trial = 0; trial < 20; trial++) {
      const cuts = [...new Set(Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * bytes.length)))].sort((a, b) => a - b);
      const chunks = feed(new Pcm16Chunker(16000, 3, 100), bytes, cuts);
      expect(concatSamples(chunks)).toEqual(expected);
      expect(chunks.map((c) => c.index)).toEqual(Array.from({ length: 11 }, (_, k) => 100 * k));
      expect(chunks.map((c) => c.samples.length / 3)).toEqual([...Array<number>(10).fill(100), 1]);
    }
  });

  it('decodes one byte at a time', () => {
    const cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expect(concatSamples(feed(new Pcm16Chunker(8000, 3, 64), bytes, cuts))).toEqual(expected);
  });

  it('flush reports a cut frame: whole samples of it and an odd byte', () => {
    const chunker = new Pcm16Chunker(8000, 2, 10);
    expect(chunker.push(new Uint8Array([1, 0, 2, 0, 3, 0, 4]))).toEqual([]);
    const tail = chunker.flush();
    expect(Array.from(tail.chunk!.samples)).toEqual([1 / 32768, 2 / 32768]);
    expect(tail.leftoverBytes).toBe(3);
    expect(chunker.flush()).toEqual({ chunk: undefined, leftoverBytes: 0 });
  });

  it('gives consumers chunks they may keep', () => {
    const chunker = new Pcm16Chunker(8000, 1, 2);
    const [a, b] = chunker.push(int16Bytes([1, 2, 3, 4]));
    expect(a!.samples).not.toBe(b!.samples);
    expect(Array.from(a!.samples)).toEqual([1 / 32768, 2 / 32768]);
  });
});
