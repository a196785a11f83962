import { describe, expect, it } from 'vitest';
import { createRandom } from '@sensorkit/dsp';
import { cobsDecode, cobsEncode, cobsMaxEncodedLength } from './cobs.js';

function encode(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(cobsMaxEncodedLength(bytes.length));
  return out.subarray(0, cobsEncode(bytes, bytes.length, out));
}

function decode(bytes: Uint8Array): Uint8Array | undefined {
  const out = new Uint8Array(bytes.length);
  const n = cobsDecode(bytes, bytes.length, out);
  return n < 0 ? undefined : out.subarray(0, n);
}

describe('COBS', () => {
  it('encodes the examples of Cheshire and Baker (1999)', () => {
    expect([...encode(Uint8Array.of(0x00))]).toEqual([0x01, 0x01]);
    expect([...encode(Uint8Array.of(0x00, 0x00))]).toEqual([0x01, 0x01, 0x01]);
    expect([...encode(Uint8Array.of(0x11, 0x22, 0x00, 0x33))]).toEqual([0x03, 0x11, 0x22, 0x02, 0x33]);
    expect([...encode(Uint8Array.of(0x11, 0x00, 0x00, 0x00))]).toEqual([0x02, 0x11, 0x01, 0x01, 0x01]);
    const run254 = Uint8Array.from({ length: 254 }, (_, i) => i + 1);
    expect([...encode(run254)]).toEqual([0xff, ...run254]);
    const run255 = Uint8Array.from({ length: 255 }, (_, i) => (i % 255) + 1);
    expect([...encode(run255)]).toEqual([0xff, ...run255.subarray(0, 254), 0x02, run255[254]]);
  });

  it('round-trips random data of every length around the 254-byte blocks, never emitting 0x00', () => {
    const random = createRandom(8);
    for (const length of [0, 1, 2, 253, 254, 255, 256, 507, 508, 509, 1000, 4100]) {
      for (const zeros of [0, 0.01, 0.5, 1]) {
        const data = Uint8Array.from({ length }, () => (random.uniform() < zeros ? 0 : 1 + Math.floor(random.uniform() * 255)));
        const encoded = encode(data);
        expect(encoded.includes(0)).toBe(false);
        expect(encoded.length).toBeLessThanOrEqual(cobsMaxEncodedLength(length));
        expect(decode(encoded)).toEqual(data);
      }
    }
  });

  it('refuses encodings whose code points past the end or that contain 0x00', () => {
    expect(decode(Uint8Array.of(0x05, 0x11, 0x22))).toBeUndefined();
    expect(decode(Uint8Array.of(0x03, 0x11, 0x00))).toBeUndefined();
    expect(decode(Uint8Array.of(0x00))).toBeUndefined();
  });
});
