/*
 * The MLPerf Tiny (EEMBC) benchmark runner's text commands, '%'-terminated, on the same UART as the
 * link: name, profile, timestamp, db load N, db <hex>, infer N W, results. Replies are m-... lines
 * (e-... for errors), each command ending with m-ready, so the firmware can be measured by the
 * standard runner.
 */
#include <string.h>
#include "fw_app.h"
#include "fw_board.h"

/* the loaded input, kept apart from the arena, which activations may overwrite */
static uint8_t input[SK_LINK_MAX_PAYLOAD];
static size_t expected, loaded;

static int run_once(void) {
  memcpy(fw_model_input(), input, fw_model_input_size());
  return fw_model_invoke();
}

void fw_runner_reset(void) { expected = loaded = 0; }

static void print_u64(uint64_t v) {
  char digits[21];
  int n = 0;
  do {
    digits[n++] = (char)('0' + (int)(v % 10u));
    v /= 10u;
  } while (v != 0);
  while (n > 0) {
    char c[2] = {digits[--n], 0};
    fw_print(c);
  }
}

static uint64_t micros(void) { return board_counter() / (board_counter_hz() / 1000000u); }

static int starts(const char *text, const char *word) { return strncmp(text, word, strlen(word)) == 0; }

static int parse_uint(const char **p, uint32_t *out) {
  uint32_t v = 0;
  int digits = 0;
  while (**p == ' ') (*p)++;
  while (**p >= '0' && **p <= '9') {
    v = v * 10u + (uint32_t)(**p - '0');
    (*p)++;
    digits++;
  }
  *out = v;
  return digits > 0;
}

static int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static void lap(void) {
  fw_print("m-lap-us-");
  print_u64(micros());
  fw_print("\r\n");
}

static void results(void) {
  const int8_t *out = fw_model_output();
  size_t i;
  /* raw int8 outputs: the host dequantizes with the scale and zero point HELLO reports */
  fw_print("m-results-[");
  for (i = 0; i < fw_model_output_size(); i++) {
    char buf[6];
    char *p = buf;
    int v = out[i];
    if (i > 0) fw_print(",");
    if (v < 0) {
      *p++ = '-';
      v = -v;
    }
    if (v >= 100) *p++ = (char)('0' + v / 100);
    if (v >= 10) *p++ = (char)('0' + (v / 10) % 10);
    *p++ = (char)('0' + v % 10);
    *p = 0;
    fw_print(buf);
  }
  fw_print("]\r\n");
}

static void db(const char *args) {
  uint32_t n;
  if (starts(args, "load")) {
    args += 4;
    if (!parse_uint(&args, &n) || n == 0 || n > fw_model_input_size()) {
      fw_print("e-[db load: expected a byte count up to the model's input size]\r\n");
      return;
    }
    expected = n;
    loaded = 0;
    fw_print("m-[Expecting ");
    print_u64(n);
    fw_print(" bytes]\r\n");
    return;
  }
  while (*args == ' ') args++;
  while (args[0] && args[1] && loaded < expected) {
    const int hi = hex(args[0]), lo = hex(args[1]);
    if (hi < 0 || lo < 0) {
      fw_print("e-[db: not hexadecimal]\r\n");
      return;
    }
    input[loaded++] = (uint8_t)(hi * 16 + lo);
    args += 2;
  }
  if (expected != 0 && loaded == expected) fw_print("m-load-done\r\n");
}

static void infer(const char *args) {
  uint32_t count, warmup = 0, i;
  int status = 0;
  if (!parse_uint(&args, &count) || count == 0) {
    fw_print("e-[infer: expected infer N W]\r\n");
    return;
  }
  (void)parse_uint(&args, &warmup);
  fw_print("m-warmup-start-");
  print_u64(warmup);
  fw_print("\r\n");
  for (i = 0; i < warmup && status == 0; i++) status = run_once();
  fw_print("m-warmup-done\r\nm-infer-start-");
  print_u64(count);
  fw_print("\r\n");
  lap();
  for (i = 0; i < count && status == 0; i++) status = run_once();
  lap();
  fw_print("m-infer-done\r\n");
  if (status != 0) fw_print("e-[infer: sk_invoke failed]\r\n");
  else results();
}

void fw_runner_command(const char *command) {
  if (strcmp(command, "name") == 0) {
    fw_print("m-name-[sensorkit-");
    fw_print(fw_model_id());
    fw_print("]\r\n");
  } else if (strcmp(command, "profile") == 0) {
    fw_print("m-profile-[ULPMark-ML]\r\nm-model-[");
    fw_print(fw_model_id());
    fw_print("]\r\n");
  } else if (strcmp(command, "timestamp") == 0) {
    lap();
  } else if (starts(command, "db ")) {
    db(command + 3);
  } else if (starts(command, "infer")) {
    infer(command + 5);
  } else if (strcmp(command, "results") == 0) {
    results();
  } else {
    fw_print("e-[Unknown command: ");
    fw_print(command);
    fw_print("]\r\n");
  }
  fw_print("m-ready\r\n");
}
