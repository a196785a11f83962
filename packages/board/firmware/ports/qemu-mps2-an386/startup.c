/*
 * Start-up for the MPS2 AN386 under QEMU: the vector table, copying .data from flash, zeroing .bss,
 * enabling the FPU (the runtime's requantization uses float only at export time, but newlib and -mfpu
 * code may touch it), then main.
 */
#include <stdint.h>

extern uint32_t _data_load, _data_start, _data_end, _bss_start, _bss_end, _stack_top;
extern int main(void);
void reset_handler(void);
void systick_handler(void);
void uart0_rx_handler(void);

static void fault_handler(void) {
  for (;;) {
  }
}

#define CPACR (*(volatile uint32_t *)0xE000ED88u)

void reset_handler(void) {
  uint32_t *src = &_data_load;
  uint32_t *dst = &_data_start;
  while (dst < &_data_end) *dst++ = *src++;
  for (dst = &_bss_start; dst < &_bss_end;) *dst++ = 0;
  CPACR |= 0xFu << 20; /* CP10 and CP11: full access to the FPU */
  __asm__ volatile("dsb\n isb");
  (void)main();
  fault_handler();
}

typedef void (*vector)(void);

/* 16 system exceptions, then the AN386 interrupts: UART0 receive is IRQ 0 */
__attribute__((section(".vectors"), used)) static const vector vectors[16 + 1] = {
    (vector)(uintptr_t)&_stack_top,
    reset_handler,
    fault_handler, /* NMI */
    fault_handler, /* HardFault */
    fault_handler, /* MemManage */
    fault_handler, /* BusFault */
    fault_handler, /* UsageFault */
    0, 0, 0, 0,
    fault_handler, /* SVCall */
    fault_handler, /* DebugMonitor */
    0,
    fault_handler, /* PendSV */
    systick_handler,
    uart0_rx_handler,
};
