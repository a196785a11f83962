/*
 * Consistent Overhead Byte Stuffing: removes every 0x00 from a frame for at most 1 byte in 254, so 0x00
 * can delimit frames and a receiver resynchronises at the next 0x00 whatever came before.
 */

/** Largest encoding of `n` bytes (without the delimiter). */
export function cobsMaxEncodedLength(n: number): number {
  return n + Math.floor(n / 254) + 1;
}

/**
 * Encodes src[0, length) into dst at `at`; returns the index after the last byte written. dst must have
 * cobsMaxEncodedLength(length) bytes free.
 */
export function cobsEncode(src: Uint8Array, length: number, dst: Uint8Array, at = 0): number {
  let code = at;
  let out = at + 1;
  let run = 1;
  for (let i = 0; i < length; i++) {
    const b = src[i]!;
    if (b !== 0) {
      dst[out++] = b;
      run++;
    }
    // a full block at the very end needs no empty block after it (the minimal encoding)
    if (b === 0 || (run === 0xff && i + 1 < length)) {
      dst[code] = run;
      code = out++;
      run = 1;
    }
  }
  dst[code] = run;
  return out;
}

/**
 * Decodes src[0, length) (no delimiter) in place into dst; returns the decoded length, or -1 when the
 * bytes are not a COBS encoding (a code that points past the end, or a 0x00 inside).
 */
export function cobsDecode(src: Uint8Array, length: number, dst: Uint8Array): number {
  let i = 0;
  let out = 0;
  while (i < length) {
    const code = src[i++]!;
    if (code === 0 || i + code - 1 > length) return -1;
    for (let k = 1; k < code; k++) {
      const b = src[i++]!;
      if (b === 0) return -1;
      dst[out++] = b;
    }
    if (code !== 0xff && i < length) dst[out++] = 0;
  }
  return out;
}
