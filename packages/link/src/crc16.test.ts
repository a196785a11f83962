import { describe, expect, it } from 'vitest';
import { crc16Ccitt } from './crc16.js';

describe('crc16Ccitt', () => {
  it('gives the catalogued check value of CRC-16/CCITT-FALSE (0x29B1 for "123456789")', () => {
    expect(crc16Ccitt(new TextEncoder().encode('123456789'))).toBe(0x29b1);
  });

  it('is 0xFFFF (its init) over nothing, and covers only [start, end)', () => {
    expect(crc16Ccitt(new Uint8Array(0))).toBe(0xffff);
    const bytes = new TextEncoder().encode('xx123456789yy');
    expect(crc16Ccitt(bytes, 2, 11)).toBe(0x29b1);
  });

  it('detects every single-bit error in a 64-byte frame', () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff);
    const good = crc16Ccitt(bytes);
    for (let bit = 0; bit < 64 * 8; bit++) {
      bytes[bit >> 3]! ^= 1 << (bit & 7);
      expect(crc16Ccitt(bytes)).not.toBe(good);
      bytes[bit >> 3]! ^= 1 << (bit & 7);
    }
  });
});
