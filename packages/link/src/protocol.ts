/*
 * The link protocol, version 1: the numbers the host and the firmware (firmware/sk_proto.h) share.
 *
 * On the wire each frame is COBS(type, seq, payload..., crc16 low, crc16 high) followed by 0x00; the
 * host also sends a 0x00 before each frame, so a frame cut short by a reset or a cable ends there and
 * is dropped, not glued to the next one. Every type byte is outside printable ASCII, so the second
 * byte of a frame on the wire is never a letter: that is what tells a frame from an MLPerf Tiny runner
 * text command ('name%') on the same UART.
 */

export const PROTOCOL_VERSION = 1;
/** Largest payload either side accepts (an int8 input of 4 KiB, e.g. 49x10 MFCC and much more). */
export const MAX_PAYLOAD = 4096;
/** type + seq + payload + crc */
export const FRAME_OVERHEAD = 4;

/** Requests the host sends; the reply to request t has type t | 0x80 and the request's seq. */
export const Request = {
  hello: 0x01,
  ping: 0x02,
  infer: 0x03,
  streamStart: 0x04,
  streamStop: 0x05,
  stats: 0x06,
  reset: 0x07,
} as const;
export type RequestType = (typeof Request)[keyof typeof Request];

export const REPLY = 0x80;
/** The board sends this once after every reset, unasked (seq 0). */
export const BOOT = 0xc0;
/** Any request can be answered with an error: code, request type, then a message in ASCII. */
export const ERROR = 0xe0;

/** Error codes of ERROR frames (sk_proto.h SK_LINK_E_*). */
export const ErrorCode = {
  /** the request arrived damaged (CRC or COBS); the host sends it again */
  badFrame: 1,
  unknownType: 2,
  badLength: 3,
  /** sk_invoke failed; the message names the status */
  invokeFailed: 4,
  /** the board is streaming and only takes streamStop, ping and stats */
  busy: 5,
  /** a frame longer than MAX_PAYLOAD */
  tooLong: 6,
  badArgument: 7,
} as const;

const ERROR_NAMES: Record<number, string> = Object.fromEntries(Object.entries(ErrorCode).map(([k, v]) => [v, k]));

/** The name of an error code, for messages. */
export function errorCodeName(code: number): string {
  return ERROR_NAMES[code] ?? `code ${code}`;
}

/** Tensor element types in HELLO. */
export const DType = { int8: 1 } as const;
