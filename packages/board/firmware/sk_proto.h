/*
 * The link protocol, version 1, as the firmware speaks it. The host side is @sensorkit/link
 * (packages/link/src/protocol.ts); the two must change together.
 *
 * Frame on the wire: 0x00, COBS(type, seq, payload, crc16 low, crc16 high), 0x00. CRC-16/CCITT-FALSE over
 * type, seq and payload. Replies carry the request's type | 0x80 and its seq. All multi-byte fields are
 * little-endian. Type bytes are never printable ASCII, which is how a frame is told from an MLPerf Tiny
 * runner command ('name%') on the same UART.
 */
#ifndef SK_PROTO_H
#define SK_PROTO_H

#define SK_LINK_VERSION 1u
#define SK_LINK_MAX_PAYLOAD 4096u

enum {
  SK_LINK_HELLO = 0x01,        /* -> version, dtypes, shapes, quantization, arena, counter Hz, ids */
  SK_LINK_PING = 0x02,         /* payload echoed */
  SK_LINK_INFER = 0x03,        /* int8 input -> u32 ticks low, u32 ticks high, int8 output */
  SK_LINK_STREAM_START = 0x04, /* u32 rate Hz, u8 axes, u32 lines (0 = until STREAM_STOP) -> empty */
  SK_LINK_STREAM_STOP = 0x05,  /* -> u32 lines sent */
  SK_LINK_STATS = 0x06,        /* -> u32 frames, crc errors, malformed, overflows, dropped bytes, text commands */
  SK_LINK_RESET = 0x07,        /* no reply: the board resets and sends BOOT */
  SK_LINK_REPLY = 0x80,
  SK_LINK_BOOT = 0xC0,         /* unasked, seq 0, after every reset: u8 version, target */
  SK_LINK_ERROR = 0xE0         /* u8 code, u8 request type, ASCII message */
};

enum {
  SK_LINK_E_BAD_FRAME = 1,
  SK_LINK_E_UNKNOWN_TYPE = 2,
  SK_LINK_E_BAD_LENGTH = 3,
  SK_LINK_E_INVOKE_FAILED = 4,
  SK_LINK_E_BUSY = 5,
  SK_LINK_E_TOO_LONG = 6,
  SK_LINK_E_BAD_ARGUMENT = 7
};

#define SK_LINK_DTYPE_INT8 1u

#endif /* SK_PROTO_H */
