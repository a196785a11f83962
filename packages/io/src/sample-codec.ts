/*
 * Little-endian sample encodings shared by the WAV and raw readers/writers, and the pure conversion
 * cores between their bytes and Float32 samples. Scaling follows the usual convention (libsndfile,
 * soundfile, torchaudio): signed N-bit integers are divided by 2^(N-1), so full scale maps to [-1, 1)
 * and every integer round-trips exactly; 8-bit WAV is unsigned with 128 as zero.
 */

export const SAMPLE_ENCODINGS = ['pcm8', 'pcm16', 'pcm24', 'pcm32', 'float32', 'float64'] as const;
/** How one sample is stored: unsigned 8-bit, signed 16/24/32-bit integer, or IEEE float (little-endian). */
export type SampleEncoding = (typeof SAMPLE_ENCODINGS)[number];

/** The encodings the writers produce. */
export const WRITABLE_ENCODINGS = ['pcm16', 'pcm24', 'pcm32', 'float32'] as const;
export type WritableEncoding = (typeof WRITABLE_ENCODINGS)[number];

/** Bytes per stored sample (one channel). */
export function bytesPerSample(encoding: SampleEncoding): number {
  switch (encoding) {
    case 'pcm8':
      return 1;
    case 'pcm16':
      return 2;
    case 'pcm24':
      return 3;
    case 'pcm32':
    case 'float32':
      return 4;
    case 'float64':
      return 8;
  }
}

/** True for the integer encodings, whose conversion to int clips. */
export function isIntegerEncoding(encoding: SampleEncoding): boolean {
  return encoding.startsWith('pcm');
}

const S8 = 1 / 128;
const S16 = 1 / 32768;
const S24 = 1 / 8388608;
const S32 = 1 / 2147483648;

/**
 * Decodes `count` samples starting at `byteOffset` of `view` into `out[outOffset...]`, scaled to
 * [-1, 1) for integers (float samples are copied as stored, float64 rounded to float32). No checks,
 * no allocation: the caller sizes the buffers.
 * @example
 * decodeSamples('pcm16', new DataView(bytes.buffer), 0, 4096, out); // out[i] = int16[i] / 32768
 */
export function decodeSamples(
  encoding: SampleEncoding,
  view: DataView,
  byteOffset: number,
  count: number,
  out: Float32Array,
  outOffset = 0,
): void {
  let p = byteOffset;
  const end = outOffset + count;
  switch (encoding) {
    case 'pcm8':
      for (let i = outOffset; i < end; i++, p++) out[i] = (view.getUint8(p) - 128) * S8;
      return;
    case 'pcm16':
      for (let i = outOffset; i < end; i++, p += 2) out[i] = view.getInt16(p, true) * S16;
      return;
    case 'pcm24':
      for (let i = outOffset; i < end; i++, p += 3) {
        // Assemble the 24-bit value in the top of an int32, then shift back down to sign-extend it.
        const v = ((view.getUint8(p + 2) << 24) | (view.getUint8(p + 1) << 16) | (view.getUint8(p) << 8)) >> 8;
        out[i] = v * S24;
      }
      return;
    case 'pcm32':
      for (let i = outOffset; i < end; i++, p += 4) out[i] = view.getInt32(p, true) * S32;
      return;
    case 'float32':
      for (let i = outOffset; i < end; i++, p += 4) out[i] = view.getFloat32(p, true);
      return;
    case 'float64':
      for (let i = outOffset; i < end; i++, p += 8) out[i] = view.getFloat64(p, true);
      return;
  }
}

/**
 * Encodes `input` into `view` from `byteOffset`. Integers are round(x * 2^(N-1)) clipped (never wrapped)
 * to the integer range, so +1.0 becomes the largest positive code; returns how many samples clipped.
 * Float32 is stored as is. No checks (the caller rejects non-finite samples first), no allocation.
 * @example
 * const clipped = encodeSamples('pcm16', new Float32Array([0.5, 1.5]), view, 0); // 16384, 32767; clipped = 1
 */
export function encodeSamples(encoding: WritableEncoding, input: Float32Array, view: DataView, byteOffset: number): number {
  let p = byteOffset;
  let clipped = 0;
  const n = input.length;
  switch (encoding) {
    case 'pcm16':
      for (let i = 0; i < n; i++, p += 2) {
        let v = Math.round(input[i]! * 32768);
        if (v > 32767) {
          v = 32767;
          clipped++;
        } else if (v < -32768) {
          v = -32768;
          clipped++;
        }
        view.setInt16(p, v, true);
      }
      return clipped;
    case 'pcm24':
      for (let i = 0; i < n; i++, p += 3) {
        let v = Math.round(input[i]! * 8388608);
        if (v > 8388607) {
          v = 8388607;
          clipped++;
        } else if (v < -8388608) {
          v = -8388608;
          clipped++;
        }
        view.setUint8(p, v & 0xff);
        view.setUint8(p + 1, (v >> 8) & 0xff);
        view.setUint8(p + 2, (v >> 16) & 0xff);
      }
      return clipped;
    case 'pcm32':
      for (let i = 0; i < n; i++, p += 4) {
        let v = Math.round(input[i]! * 2147483648);
        if (v > 2147483647) {
          v = 2147483647;
          clipped++;
        } else if (v < -2147483648) {
          v = -2147483648;
          clipped++;
        }
        view.setInt32(p, v, true);
      }
      return clipped;
    case 'float32':
      for (let i = 0; i < n; i++, p += 4) view.setFloat32(p, input[i]!, true);
      return 0;
  }
}
