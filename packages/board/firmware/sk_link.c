#include "sk_link.h"

uint16_t sk_crc16(const uint8_t *bytes, size_t n) {
  uint16_t crc = 0xFFFFu;
  size_t i;
  int b;
  for (i = 0; i < n; i++) {
    crc ^= (uint16_t)(bytes[i] << 8);
    for (b = 0; b < 8; b++) crc = (crc & 0x8000u) ? (uint16_t)((crc << 1) ^ 0x1021u) : (uint16_t)(crc << 1);
  }
  return crc;
}

size_t sk_cobs_encode(const uint8_t *src, size_t n, uint8_t *dst) {
  size_t code = 0, out = 1, i;
  uint8_t run = 1;
  for (i = 0; i < n; i++) {
    if (src[i] != 0) {
      dst[out++] = src[i];
      run++;
    }
    if (src[i] == 0 || (run == 0xFF && i + 1 < n)) {
      dst[code] = run;
      code = out++;
      run = 1;
    }
  }
  dst[code] = run;
  return out;
}

long sk_cobs_decode(uint8_t *bytes, size_t n) {
  size_t i = 0, out = 0, k;
  while (i < n) {
    const uint8_t code = bytes[i++];
    if (code == 0 || i + code - 1 > n) return -1;
    for (k = 1; k < code; k++) {
      if (bytes[i] == 0) return -1;
      bytes[out++] = bytes[i++];
    }
    if (code != 0xFF && i < n) bytes[out++] = 0;
  }
  return (long)out;
}

void sk_link_rx_init(sk_link_rx *rx) {
  rx->len = 0;
  rx->overflowing = 0;
  rx->payload = rx->buf;
  rx->payload_size = 0;
  rx->text = (const char *)rx->buf;
  rx->stats.frames = rx->stats.crc_errors = rx->stats.malformed = 0;
  rx->stats.overflows = rx->stats.dropped_bytes = rx->stats.text_commands = 0;
}

static int printable(uint8_t c) { return c >= 0x20 && c <= 0x7E; }

/* A frame's second byte on the wire is its type (never printable), so two printable bytes mean text. */
static int is_text(const sk_link_rx *rx) {
  size_t i;
  for (i = 0; i < rx->len; i++) {
    const uint8_t c = rx->buf[i];
    if (!printable(c) && c != '\r' && c != '\n') return 0;
  }
  return 1;
}

static sk_link_event end_frame(sk_link_rx *rx) {
  const size_t n = rx->len;
  long m;
  uint16_t crc;
  rx->len = 0;
  if (rx->overflowing) {
    rx->overflowing = 0; /* already reported when it overflowed */
    return SK_LINK_EV_NONE;
  }
  if (n == 0) return SK_LINK_EV_NONE;
  m = sk_cobs_decode(rx->buf, n);
  if (m < 4) {
    rx->stats.malformed++;
    rx->stats.dropped_bytes += (uint32_t)n;
    return SK_LINK_EV_BAD;
  }
  crc = (uint16_t)(rx->buf[m - 2] | (rx->buf[m - 1] << 8));
  if (crc != sk_crc16(rx->buf, (size_t)m - 2)) {
    rx->stats.crc_errors++;
    rx->stats.dropped_bytes += (uint32_t)n;
    return SK_LINK_EV_BAD;
  }
  rx->stats.frames++;
  rx->type = rx->buf[0];
  rx->seq = rx->buf[1];
  rx->payload = rx->buf + 2;
  rx->payload_size = (size_t)m - 4;
  return SK_LINK_EV_FRAME;
}

sk_link_event sk_link_rx_push(sk_link_rx *rx, uint8_t byte) {
  if (byte == 0) return end_frame(rx);
  if (rx->overflowing) {
    rx->stats.dropped_bytes++;
    return SK_LINK_EV_NONE;
  }
  if (byte == '%' && rx->len > 0 && is_text(rx)) {
    size_t start = 0;
    while (start < rx->len && (rx->buf[start] == '\r' || rx->buf[start] == '\n' || rx->buf[start] == ' ')) start++;
    rx->buf[rx->len] = 0;
    rx->len = 0;
    rx->text = (const char *)rx->buf + start;
    rx->stats.text_commands++;
    return SK_LINK_EV_TEXT;
  }
  if (rx->len == SK_LINK_ENCODED_MAX) {
    rx->overflowing = 1;
    rx->stats.overflows++;
    rx->stats.dropped_bytes += (uint32_t)rx->len + 1u;
    rx->len = 0;
    return SK_LINK_EV_BAD;
  }
  rx->buf[rx->len++] = byte;
  return SK_LINK_EV_NONE;
}

size_t sk_link_frame(uint8_t *raw, size_t payload_size, uint8_t *out) {
  const size_t n = payload_size + 2;
  const uint16_t crc = sk_crc16(raw, n);
  size_t m;
  raw[n] = (uint8_t)(crc & 0xFFu);
  raw[n + 1] = (uint8_t)(crc >> 8);
  out[0] = 0;
  m = sk_cobs_encode(raw, n + 2, out + 1);
  out[m + 1] = 0;
  return m + 2;
}
