import { cobsDecode, cobsMaxEncodedLength } from './cobs.js';
import { crc16Ccitt } from './crc16.js';
import type { Frame } from './frame.js';
import { FRAME_OVERHEAD, MAX_PAYLOAD } from './protocol.js';

/** What a decoder dropped, by cause: together they say what was lost on the line. */
export interface DecoderStats {
  /** frames that passed the CRC */
  frames: number;
  /** frames whose CRC did not match (bit errors, a frame cut and glued to another) */
  crcErrors: number;
  /** byte runs between delimiters that were no COBS frame or too short for one (garbage, truncation) */
  malformed: number;
  /** runs longer than the largest frame (dropped up to the next delimiter) */
  overflows: number;
  /** bytes in everything dropped */
  droppedBytes: number;
}

export function emptyDecoderStats(): DecoderStats {
  return { frames: 0, crcErrors: 0, malformed: 0, overflows: 0, droppedBytes: 0 };
}

/**
 * Splits a byte stream into frames at each 0x00 and checks them. The buffers are allocated once, so
 * a long stream costs no garbage and no rescans; whatever is not a valid frame is counted and skipped,
 * and the next 0x00 starts afresh.
 * @example
 * const decoder = new FrameDecoder((f) => console.log(f.type, f.seq, f.payload));
 * port.on('data', (bytes) => decoder.push(bytes));
 */
export class FrameDecoder {
  readonly stats: DecoderStats = emptyDecoderStats();
  private readonly encoded = new Uint8Array(cobsMaxEncodedLength(MAX_PAYLOAD + FRAME_OVERHEAD));
  private readonly raw = new Uint8Array(MAX_PAYLOAD + FRAME_OVERHEAD);
  private length = 0;
  private overflowing = false;

  constructor(private readonly onFrame: (frame: Frame) => void) {}

  push(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b === 0) {
        this.end();
        continue;
      }
      if (this.overflowing) {
        this.stats.droppedBytes++;
        continue;
      }
      if (this.length === this.encoded.length) {
        this.overflowing = true;
        this.stats.overflows++;
        this.stats.droppedBytes += this.length + 1;
        this.length = 0;
        continue;
      }
      this.encoded[this.length++] = b;
    }
  }

  /** Forgets a partial frame (after the port was reopened, say). */
  clear(): void {
    this.length = 0;
    this.overflowing = false;
  }

  private end(): void {
    const n = this.length;
    this.length = 0;
    if (this.overflowing) {
      this.overflowing = false;
      return;
    }
    if (n === 0) return;
    const m = cobsDecode(this.encoded, n, this.raw);
    if (m < FRAME_OVERHEAD) {
      this.stats.malformed++;
      this.stats.droppedBytes += n;
      return;
    }
    const crc = this.raw[m - 2]! | (this.raw[m - 1]! << 8);
    if (crc !== crc16Ccitt(this.raw, 0, m - 2)) {
      this.stats.crcErrors++;
      this.stats.droppedBytes += n;
      return;
    }
    this.stats.frames++;
    this.onFrame({ type: this.raw[0]!, seq: this.raw[1]!, payload: this.raw.subarray(2, m - 2) });
  }
}
