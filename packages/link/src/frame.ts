import { cobsEncode, cobsMaxEncodedLength } from './cobs.js';
import { crc16Ccitt } from './crc16.js';
import { FRAME_OVERHEAD, MAX_PAYLOAD } from './protocol.js';

/** One decoded frame. `payload` is a view into the decoder's buffer, valid until the next push. */
export interface Frame {
  type: number;
  seq: number;
  payload: Uint8Array;
}

/**
 * The bytes that carry one frame: 0x00, COBS(type, seq, payload, crc16 little-endian), 0x00.
 * @example
 * port.write(encodeFrame(Request.ping, 7, new Uint8Array([1, 2, 3])));
 */
export function encodeFrame(type: number, seq: number, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  if (payload.length > MAX_PAYLOAD) throw new RangeError(`link frame: payload of ${payload.length} bytes; expected at most ${MAX_PAYLOAD}`);
  const raw = new Uint8Array(payload.length + FRAME_OVERHEAD);
  raw[0] = type;
  raw[1] = seq & 0xff;
  raw.set(payload, 2);
  const crc = crc16Ccitt(raw, 0, raw.length - 2);
  raw[raw.length - 2] = crc & 0xff;
  raw[raw.length - 1] = crc >> 8;
  const out = new Uint8Array(cobsMaxEncodedLength(raw.length) + 2);
  const end = cobsEncode(raw, raw.length, out, 1);
  out[end] = 0;
  return out.subarray(0, end + 1);
}
