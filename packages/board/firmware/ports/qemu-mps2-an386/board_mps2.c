/*
 * The `qemu-mps2-an386` target: CMSDK APB UART0 at 0x40004000 (QEMU `-serial pty` makes it a
 * pseudo-terminal on the host), SysTick on the 25 MHz CPU clock as the counter. The UART is polled; its
 * receive interrupt only wakes the core from WFI, so an idle board does not spin the emulator.
 *
 * Under `qemu-system-arm -icount shift=0` one instruction takes 1 ns of virtual time, so ticks x 40 is
 * the instruction count (to within one tick).
 */
#include "../../fw_board.h"

#define UART0_DATA (*(volatile uint32_t *)0x40004000u)
#define UART0_STATE (*(volatile uint32_t *)0x40004004u)
#define UART0_CTRL (*(volatile uint32_t *)0x40004008u)
#define UART0_INTCLEAR (*(volatile uint32_t *)0x4000400Cu)
#define UART0_BAUDDIV (*(volatile uint32_t *)0x40004010u)
#define UART_TX_FULL 1u
#define UART_RX_FULL 2u

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define NVIC_ISER0 (*(volatile uint32_t *)0xE000E100u)
#define SCB_AIRCR (*(volatile uint32_t *)0xE000ED0Cu)
#define SCB_ICSR (*(volatile uint32_t *)0xE000ED04u)
#define ICSR_PENDSTSET (1u << 26)

#define CPU_HZ 25000000u
/* a tick interrupt every 1 ms keeps waits short and the 24-bit SysTick from wrapping unseen */
#define TICK_LOAD (CPU_HZ / 1000u)

static volatile uint32_t ms;

void systick_handler(void);
void uart0_rx_handler(void);

void systick_handler(void) { ms++; }

void uart0_rx_handler(void) { UART0_INTCLEAR = UART_RX_FULL; }

void board_init(void) {
  UART0_BAUDDIV = 16u;
  UART0_CTRL = 1u | 2u | 8u; /* TX, RX, RX interrupt */
  NVIC_ISER0 = 1u << 0;
  SYST_RVR = TICK_LOAD - 1u;
  SYST_CVR = 0;
  SYST_CSR = 7u; /* CPU clock, interrupt, enable */
}

int board_read(void) { return (UART0_STATE & UART_RX_FULL) ? (int)(UART0_DATA & 0xFFu) : -1; }

void board_write(const uint8_t *bytes, size_t n) {
  while (n-- > 0) {
    while (UART0_STATE & UART_TX_FULL) {
    }
    UART0_DATA = *bytes++;
  }
}

uint64_t board_counter(void) {
  uint32_t before, first, pending, second, after;
  /*
   * The SysTick wrap and its interrupt are not one event: between them the value has restarted but ms is
   * not yet counted (QEMU takes interrupts only between translated blocks), which would read a whole
   * millisecond early. A pending SysTick says the wrap happened: then the value read after it belongs to
   * the next millisecond, if it has restarted (high): a value still near 0 is the end of this one (QEMU
   * can flag the wrap a tick before the value shows it). And re-read when the handler ran in between.
   */
  do {
    before = ms;
    first = SYST_CVR;
    pending = SCB_ICSR & ICSR_PENDSTSET;
    second = SYST_CVR;
    after = ms;
  } while (before != after);
  if (pending && second > TICK_LOAD / 2u) return (uint64_t)(before + 1u) * TICK_LOAD + (TICK_LOAD - 1u - second);
  return (uint64_t)before * TICK_LOAD + (TICK_LOAD - 1u - (pending ? second : first));
}

uint32_t board_counter_hz(void) { return CPU_HZ; }

void board_idle(void) {
  /* with interrupts masked, a byte that lands between the check and WFI still wakes it */
  __asm__ volatile("cpsid i" ::: "memory");
  if (!(UART0_STATE & UART_RX_FULL)) __asm__ volatile("wfi" ::: "memory");
  __asm__ volatile("cpsie i" ::: "memory");
}

void board_reset(void) {
  SCB_AIRCR = 0x05FA0004u; /* SYSRESETREQ: QEMU resets the whole board */
  for (;;) {
  }
}

const char *board_target(void) { return "qemu-mps2-an386"; }
