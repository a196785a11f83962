import { describe, expect, it } from 'vitest';
import { decodeSamples, encodeSamples, WRITABLE_ENCODINGS, bytesPerSample } from './sample-codec.js';

describe('sample codec', () => {
  it('decodes 24-bit two\'s complement with sign extension', () => {
    const bytes = Uint8Array.of(0xff, 0xff, 0x7f, 0x00, 0x00, 0x80, 0xff, 0xff, 0xff, 0x01, 0x00, 0x00);
    const out = new Float32Array(4);
    decodeSamples('pcm24', new DataView(bytes.buffer), 0, 4, out);
    expect(Array.from(out)).toEqual([8388607 / 8388608, -1, -1 / 8388608, 1 / 8388608].map(Math.fround));
  });

  it('decodes 8-bit unsigned around 128, and honours byte and output offsets', () => {
    const bytes = Uint8Array.of(9, 0, 128, 255, 64);
    const out = new Float32Array(5);
    decodeSamples('pcm8', new DataView(bytes.buffer), 1, 4, out, 1);
    expect(Array.from(out)).toEqual([0, -1, 0, 127 / 128, -0.5]);
  });

  it.each(WRITABLE_ENCODINGS)('%s: encode then decode is the identity on the format grid, nothing written past the end', (format) => {
    const grid = format === 'pcm16' ? 2 ** 15 : format === 'pcm24' ? 2 ** 23 : 2 ** 23; // float32 holds 24 bits
    const input = Float32Array.from({ length: 257 }, (_, i) => (Math.round(((i * 7919) % 2000) * 4000) - 4_000_000) / 4_000_000);
    for (let i = 0; i < input.length; i++) input[i] = Math.round(input[i]! * grid) / grid;
    const size = bytesPerSample(format);
    const bytes = new Uint8Array(input.length * size + 8).fill(0xaa);
    expect(encodeSamples(format, input, new DataView(bytes.buffer), 4)).toBe(0);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0xaa, 0xaa, 0xaa, 0xaa]);
    expect(Array.from(bytes.subarray(bytes.length - 4))).toEqual([0xaa, 0xaa, 0xaa, 0xaa]);
    const out = new Float32Array(input.length);
    decodeSamples(format, new DataView(bytes.buffer), 4, input.length, out);
    expect(out).toEqual(input);
  });

  it('rounds to nearest and clips at both ends', () => {
    const bytes = new Uint8Array(10);
    const view = new DataView(bytes.buffer);
    const clipped = encodeSamples('pcm16', Float32Array.of(0.4 / 32768, 0.6 / 32768, -0.6 / 32768, 1, -1.5), view, 0);
    expect(clipped).toBe(2);
    expect([0, 2, 4, 6, 8].map((p) => view.getInt16(p, true))).toEqual([0, 1, -1, 32767, -32768]);
  });
});
