/*
 * What the firmware needs from a board: one serial port, a free-running counter, a way to wait and a
 * reset. Each port (ports/<target>/) implements it; everything else is shared.
 */
#ifndef FW_BOARD_H
#define FW_BOARD_H

#include <stddef.h>
#include <stdint.h>

void board_init(void);
/* The next received byte, or -1 when none is waiting. */
int board_read(void);
/* Sends n bytes (blocks while the port's buffer is full, as a UART would). */
void board_write(const uint8_t *bytes, size_t n);
/* Ticks since boot, and ticks per second (the CPU clock on a microcontroller). */
uint64_t board_counter(void);
uint32_t board_counter_hz(void);
/* Sleeps until something may have happened (a byte, a timer tick); may return early. */
void board_idle(void);
/* Resets the board. Where a port cannot really reset (the host process), it returns and main starts over. */
void board_reset(void);
/* The target's name, as `sensorkit board build --target` spells it. */
const char *board_target(void);

#endif /* FW_BOARD_H */
