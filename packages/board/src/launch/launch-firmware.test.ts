import { describe, expect, it } from 'vitest';
import { launchCommand, launchFirmware, parseSerialPath } from './launch-firmware.js';

describe('launching a board', () => {
  it('finds the serial device in what the host firmware and QEMU print', () => {
    expect(parseSerialPath('serial: /dev/pts/7\n')).toBe('/dev/pts/7');
    expect(parseSerialPath('qemu-system-arm: -serial pty: char device redirected to /dev/pts/12 (label serial0)\n')).toBe('/dev/pts/12');
    expect(parseSerialPath('booting...\n')).toBeUndefined();
  });

  it('boots QEMU mps2-an386 with the UART on a pty, counting instructions only when asked', () => {
    expect(launchCommand('qemu-mps2-an386', 'fw.elf', { icountShift: 0 }).args).toEqual(['-M', 'mps2-an386', '-nodefaults', '-display', 'none', '-monitor', 'none', '-serial', 'pty', '-icount', 'shift=0', '-kernel', 'fw.elf']);
    expect(launchCommand('qemu-mps2-an386', 'fw.elf').args).not.toContain('-icount');
    expect(launchCommand('host', '/tmp/fw')).toEqual({ command: '/tmp/fw', args: [] });
  });

  it('rejects with the board output when it exits before a serial device appears', async () => {
    await expect(launchFirmware('host', '/bin/true')).rejects.toThrow('/bin/true exited (0) before its serial device appeared; it printed: (nothing)');
    await expect(launchFirmware('host', '/nonexistent/firmware')).rejects.toThrow('/nonexistent/firmware: cannot start: spawn /nonexistent/firmware ENOENT');
  });
});
