/*
 * Link framing for the firmware: CRC-16/CCITT-FALSE, COBS, and a byte-at-a-time receiver that also
 * recognises MLPerf Tiny runner text commands. No allocation: the caller owns every buffer.
 */
#ifndef SK_LINK_H
#define SK_LINK_H

#include <stddef.h>
#include <stdint.h>
#include "sk_proto.h"

/* type + seq + payload + crc, and its largest COBS encoding */
#define SK_LINK_RAW_MAX (SK_LINK_MAX_PAYLOAD + 4u)
#define SK_LINK_ENCODED_MAX (SK_LINK_RAW_MAX + SK_LINK_RAW_MAX / 254u + 1u)

uint16_t sk_crc16(const uint8_t *bytes, size_t n);

/* Encodes n bytes into dst (room for n + n / 254 + 1); returns the bytes written. No delimiter. */
size_t sk_cobs_encode(const uint8_t *src, size_t n, uint8_t *dst);
/* Decodes in place (the output is never longer than the input); returns its length, or -1 if not COBS. */
long sk_cobs_decode(uint8_t *bytes, size_t n);

typedef enum {
  SK_LINK_EV_NONE = 0,
  SK_LINK_EV_FRAME,   /* a frame with a good CRC: type, seq, payload, payload_size */
  SK_LINK_EV_BAD,     /* bytes that were no frame (CRC, COBS, too short, too long): dropped */
  SK_LINK_EV_TEXT     /* a runner command (without its '%'), NUL-terminated in text */
} sk_link_event;

typedef struct {
  uint32_t frames, crc_errors, malformed, overflows, dropped_bytes, text_commands;
} sk_link_stats;

typedef struct {
  uint8_t buf[SK_LINK_ENCODED_MAX + 1];
  size_t len;
  int overflowing;
  /* valid after SK_LINK_EV_FRAME */
  uint8_t type, seq;
  const uint8_t *payload;
  size_t payload_size;
  /* valid after SK_LINK_EV_TEXT */
  const char *text;
  sk_link_stats stats;
} sk_link_rx;

void sk_link_rx_init(sk_link_rx *rx);
/* Feeds one received byte; says what, if anything, it completed. */
sk_link_event sk_link_rx_push(sk_link_rx *rx, uint8_t byte);

/*
 * Builds the wire bytes of a frame in out (room for SK_LINK_ENCODED_MAX + 2): 0x00, COBS, 0x00. raw holds
 * type, seq and payload_size bytes of payload, and 2 more bytes of room for the CRC. Returns the length.
 */
size_t sk_link_frame(uint8_t *raw, size_t payload_size, uint8_t *out);

#endif /* SK_LINK_H */
