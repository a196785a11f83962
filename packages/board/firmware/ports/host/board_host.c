/*
 * The `host` target: the firmware as a native process whose UART is a pseudo-terminal, so the host side
 * talks to it through the same serial port code as to a USB board, in milliseconds instead of a boot.
 * Prints "serial: /dev/pts/N" on stdout once the terminal is ready. The counter is CLOCK_MONOTONIC in ns.
 */
#define _XOPEN_SOURCE 600
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "../../fw_board.h"

static int master = -1;
static int slave = -1;

void board_init(void) {
  struct termios raw;
  const char *path;
  master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0 || (path = ptsname(master)) == NULL) {
    perror("sensorkit firmware: pseudo-terminal");
    exit(1);
  }
  /* Holding the other end open keeps reads working while no host is attached (no EIO), and lets us
     switch off echo and line editing before the host connects: a UART has neither. */
  slave = open(path, O_RDWR | O_NOCTTY);
  if (slave < 0 || tcgetattr(slave, &raw) != 0) {
    perror("sensorkit firmware: pseudo-terminal");
    exit(1);
  }
  cfmakeraw(&raw);
  tcsetattr(slave, TCSANOW, &raw);
  fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
  printf("serial: %s\n", path);
  fflush(stdout);
}

int board_read(void) {
  uint8_t byte;
  const ssize_t n = read(master, &byte, 1);
  return n == 1 ? byte : -1;
}

void board_write(const uint8_t *bytes, size_t n) {
  int stalls = 0;
  while (n > 0) {
    const ssize_t w = write(master, bytes, n);
    if (w > 0) {
      bytes += w;
      n -= (size_t)w;
      stalls = 0;
      continue;
    }
    if (w < 0 && errno != EAGAIN && errno != EINTR) return;
    {
      struct pollfd p = {master, POLLOUT, 0};
      /* nobody reading for a second: drop the rest, as a UART without flow control would */
      if (poll(&p, 1, 50) == 0 && ++stalls >= 20) return;
    }
  }
}

uint64_t board_counter(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

uint32_t board_counter_hz(void) { return 1000000000u; }

void board_idle(void) {
  struct pollfd p = {master, POLLIN, 0};
  poll(&p, 1, 1);
}

void board_reset(void) {
  /* a process cannot power-cycle itself: drop what was queued and let main start over */
  tcflush(master, TCIOFLUSH);
}

const char *board_target(void) { return "host"; }
