/*
 * The protocol loop: bytes in from the UART, frames and runner commands dispatched, replies out. After
 * every (re)boot the board announces itself with a BOOT frame, so a host waiting on a request knows the
 * request was lost rather than slow.
 */
#include <string.h>
#include "fw_app.h"
#include "fw_board.h"

static sk_link_rx rx;
static uint8_t tx_raw[SK_LINK_RAW_MAX];
static uint8_t tx_wire[SK_LINK_ENCODED_MAX + 2];
static int reset_requested;

uint8_t *fw_payload(void) { return tx_raw + 2; }

void fw_send(uint8_t type, uint8_t seq, size_t payload_size) {
  tx_raw[0] = type;
  tx_raw[1] = seq;
  board_write(tx_wire, sk_link_frame(tx_raw, payload_size, tx_wire));
}

void fw_send_error(uint8_t seq, uint8_t code, uint8_t request, const char *message) {
  uint8_t *p = fw_payload();
  size_t n = strlen(message);
  if (n > 200) n = 200;
  p[0] = code;
  p[1] = request;
  memcpy(p + 2, message, n);
  fw_send(SK_LINK_ERROR, seq, n + 2);
}

void fw_print(const char *text) { board_write((const uint8_t *)text, strlen(text)); }

uint8_t *fw_put_u16(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
  return p + 2;
}

uint8_t *fw_put_u32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
  p[2] = (uint8_t)(v >> 16);
  p[3] = (uint8_t)(v >> 24);
  return p + 4;
}

static void send_boot(void) {
  uint8_t *p = fw_payload();
  const char *target = board_target();
  const size_t n = strlen(target);
  p[0] = SK_LINK_VERSION;
  p[1] = (uint8_t)n;
  memcpy(p + 2, target, n);
  fw_send(SK_LINK_BOOT, 0, n + 2);
}

static void on_frame(void) {
  const uint8_t seq = rx.seq;
  const uint8_t type = rx.type;
  uint8_t *out = fw_payload();
  if (fw_streaming() && type != SK_LINK_STREAM_STOP && type != SK_LINK_HELLO && type != SK_LINK_PING && type != SK_LINK_STATS && type != SK_LINK_RESET) {
    fw_send_error(seq, SK_LINK_E_BUSY, type, "streaming; send STREAM_STOP first");
    return;
  }
  switch (type) {
    case SK_LINK_HELLO:
      fw_send(SK_LINK_HELLO | SK_LINK_REPLY, seq, fw_hello(out));
      return;
    case SK_LINK_PING:
      memmove(out, rx.payload, rx.payload_size);
      fw_send(SK_LINK_PING | SK_LINK_REPLY, seq, rx.payload_size);
      return;
    case SK_LINK_INFER: {
      uint8_t code = 0;
      const char *message = "";
      const size_t n = fw_infer(rx.payload, rx.payload_size, out, &code, &message);
      if (n == 0) fw_send_error(seq, code, type, message);
      else fw_send(SK_LINK_INFER | SK_LINK_REPLY, seq, n);
      return;
    }
    case SK_LINK_STREAM_START:
      if (!fw_stream_start(rx.payload, rx.payload_size)) fw_send_error(seq, SK_LINK_E_BAD_ARGUMENT, type, "expected u32 rate 1..100000 Hz, u8 axes 1..6, u32 lines");
      else fw_send(SK_LINK_STREAM_START | SK_LINK_REPLY, seq, 0);
      return;
    case SK_LINK_STREAM_STOP:
      fw_put_u32(out, fw_stream_stop());
      fw_send(SK_LINK_STREAM_STOP | SK_LINK_REPLY, seq, 4);
      return;
    case SK_LINK_STATS: {
      uint8_t *p = out;
      p = fw_put_u32(p, rx.stats.frames);
      p = fw_put_u32(p, rx.stats.crc_errors);
      p = fw_put_u32(p, rx.stats.malformed);
      p = fw_put_u32(p, rx.stats.overflows);
      p = fw_put_u32(p, rx.stats.dropped_bytes);
      p = fw_put_u32(p, rx.stats.text_commands);
      fw_send(SK_LINK_STATS | SK_LINK_REPLY, seq, (size_t)(p - out));
      return;
    }
    case SK_LINK_RESET:
      reset_requested = 1;
      return;
    default:
      fw_send_error(seq, SK_LINK_E_UNKNOWN_TYPE, type, "unknown request type");
  }
}

static void on_bad(void) {
  /* Tell the host at once, so it re-sends instead of waiting out its timeout. */
  fw_send_error(0, SK_LINK_E_BAD_FRAME, 0, "damaged frame dropped");
}

int main(void) {
  board_init();
  for (;;) {
    sk_link_rx_init(&rx);
    fw_stream_stop();
    fw_runner_reset();
    reset_requested = 0;
    send_boot();
    while (!reset_requested) {
      const int byte = board_read();
      if (byte < 0) {
        if (fw_streaming()) fw_stream_poll();
        else board_idle();
        continue;
      }
      switch (sk_link_rx_push(&rx, (uint8_t)byte)) {
        case SK_LINK_EV_FRAME:
          on_frame();
          break;
        case SK_LINK_EV_BAD:
          on_bad();
          break;
        case SK_LINK_EV_TEXT:
          fw_runner_command(rx.text);
          break;
        default:
          break;
      }
    }
    board_reset();
  }
}
