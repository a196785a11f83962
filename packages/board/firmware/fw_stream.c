/*
 * Streaming mode: the board prints sensor lines in the Edge Impulse data-forwarder format
 * ("v1,v2,v3\r\n" at a steady rate) from a built-in signal, so the host's serial ingestion reads a
 * board end to end. The signal is integer arithmetic only, so every target prints the same numbers:
 * axis k of line n is a triangle wave of period 50 + 17k lines and amplitude 1000, plus noise in -8..7
 * from xorshift32 (seed 1), one draw per value in line order (@sensorkit/link's streamSignal computes it).
 */
#include "fw_app.h"
#include "fw_board.h"

static struct {
  int on;
  uint32_t rate, axes, limit, sent, noise;
  uint64_t start;
} stream;

int fw_streaming(void) { return stream.on; }

static uint32_t get_u32(const uint8_t *p) { return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24); }

int fw_stream_start(const uint8_t *args, size_t n) {
  if (n != 9) return 0;
  stream.rate = get_u32(args);
  stream.axes = args[4];
  stream.limit = get_u32(args + 5);
  if (stream.rate < 1 || stream.rate > 100000 || stream.axes < 1 || stream.axes > 6) return 0;
  stream.sent = 0;
  stream.noise = 1;
  stream.start = board_counter();
  stream.on = 1;
  return 1;
}

uint32_t fw_stream_stop(void) {
  stream.on = 0;
  return stream.sent;
}

static char *put_int(char *p, int32_t v) {
  char digits[12];
  int n = 0;
  uint32_t u = v < 0 ? (uint32_t)(-v) : (uint32_t)v;
  if (v < 0) *p++ = '-';
  do {
    digits[n++] = (char)('0' + u % 10u);
    u /= 10u;
  } while (u != 0);
  while (n > 0) *p++ = digits[--n];
  return p;
}

static int32_t sample(uint32_t n, uint32_t axis) {
  const uint32_t period = 50u + 17u * axis;
  const int32_t phase = (int32_t)(((uint64_t)n * 4000u / period) % 4000u);
  int32_t noise;
  stream.noise ^= stream.noise << 13;
  stream.noise ^= stream.noise >> 17;
  stream.noise ^= stream.noise << 5;
  noise = (int32_t)(stream.noise >> 28) - 8;
  return (phase > 2000 ? phase - 2000 : 2000 - phase) - 1000 + noise;
}

void fw_stream_poll(void) {
  char line[6 * 12 + 3];
  char *p = line;
  uint32_t axis;
  const uint64_t due = stream.start + (uint64_t)stream.sent * board_counter_hz() / stream.rate;
  if (board_counter() < due) {
    board_idle();
    return;
  }
  for (axis = 0; axis < stream.axes; axis++) {
    if (axis > 0) *p++ = ',';
    p = put_int(p, sample(stream.sent, axis));
  }
  *p++ = '\r';
  *p++ = '\n';
  board_write((const uint8_t *)line, (size_t)(p - line));
  stream.sent++;
  if (stream.limit != 0 && stream.sent >= stream.limit) stream.on = 0;
}
