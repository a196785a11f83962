import { describe, expect, it } from 'vitest';
import { createRandom } from '@sensorkit/dsp';
import { encodeFrame, type Frame } from './frame.js';
import { FrameDecoder } from './frame-decoder.js';
import { MAX_PAYLOAD } from './protocol.js';

function collect(): { decoder: FrameDecoder; frames: { type: number; seq: number; payload: number[] }[] } {
  const frames: { type: number; seq: number; payload: number[] }[] = [];
  const decoder = new FrameDecoder((f: Frame) => frames.push({ type: f.type, seq: f.seq, payload: [...f.payload] }));
  return { decoder, frames };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('FrameDecoder', () => {
  it('returns what encodeFrame sent, for any payload up to the largest, fed in chunks of any size', () => {
    const random = createRandom(3);
    const sent = [0, 1, 2, 253, 254, 255, 1000, MAX_PAYLOAD].map((n, i) => ({ type: 0x81 + i, seq: i * 31, payload: Array.from({ length: n }, () => Math.floor(random.uniform() * 256)) }));
    const wire = concat(sent.map((f) => encodeFrame(f.type, f.seq, Uint8Array.from(f.payload))));
    const { decoder, frames } = collect();
    for (let at = 0; at < wire.length; ) {
      const n = 1 + Math.floor(random.uniform() * 300);
      decoder.push(wire.subarray(at, at + n));
      at += n;
    }
    expect(frames).toEqual(sent);
    expect(decoder.stats).toMatchObject({ frames: sent.length, crcErrors: 0, malformed: 0, overflows: 0, droppedBytes: 0 });
  });

  it('resynchronises after random garbage between frames, counting what it dropped', () => {
    const random = createRandom(4);
    const { decoder, frames } = collect();
    let delivered = 0;
    for (let i = 0; i < 200; i++) {
      const garbage = Uint8Array.from({ length: Math.floor(random.uniform() * 40) }, () => Math.floor(random.uniform() * 256));
      decoder.push(garbage);
      decoder.push(encodeFrame(0x83, i, Uint8Array.of(i & 0xff, 0, 7)));
      delivered++;
    }
    expect(frames.length).toBe(delivered);
    frames.forEach((f, i) => expect(f).toEqual({ type: 0x83, seq: i & 0xff, payload: [i & 0xff, 0, 7] }));
    const s = decoder.stats;
    expect(s.crcErrors + s.malformed).toBeGreaterThan(50);
    expect(s.droppedBytes).toBeGreaterThan(0);
  });

  it('drops a truncated frame at the next delimiter and keeps the frame after it', () => {
    const { decoder, frames } = collect();
    const cut = encodeFrame(0x82, 1, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
    decoder.push(cut.subarray(0, cut.length - 5));
    decoder.push(encodeFrame(0x82, 2, Uint8Array.of(9)));
    expect(frames).toEqual([{ type: 0x82, seq: 2, payload: [9] }]);
    expect(decoder.stats.crcErrors + decoder.stats.malformed).toBe(1);
  });

  it('counts a flipped bit as a CRC error and delivers nothing for it', () => {
    const { decoder, frames } = collect();
    const wire = encodeFrame(0x83, 5, Uint8Array.of(10, 20, 30, 40));
    for (let i = 1; i < wire.length - 1; i++) {
      const bad = wire.slice();
      bad[i] ^= 0x10;
      if (bad[i] === 0) continue; // a new delimiter: that is truncation, tested above
      decoder.push(bad);
    }
    expect(frames).toEqual([]);
    expect(decoder.stats.crcErrors + decoder.stats.malformed).toBe(wire.length - 2);
  });

  it('drops a run longer than the largest frame, then decodes the next one', () => {
    const { decoder, frames } = collect();
    decoder.push(new Uint8Array(3 * MAX_PAYLOAD).fill(0x41));
    decoder.push(encodeFrame(0x81, 9));
    expect(frames).toEqual([{ type: 0x81, seq: 9, payload: [] }]);
    expect(decoder.stats.overflows).toBe(1);
    expect(decoder.stats.droppedBytes).toBe(3 * MAX_PAYLOAD);
  });

  it('refuses to encode a payload over MAX_PAYLOAD', () => {
    expect(() => encodeFrame(0x03, 1, new Uint8Array(MAX_PAYLOAD + 1))).toThrow(/4097 bytes; expected at most 4096/);
  });
});
