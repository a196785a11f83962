/*
 * A pretend board for the pseudo-terminal test: writes `n,sin,cos` lines to a device path at a fixed
 * rate, like an Arduino sketch printing an IMU. The first value is the board's sample counter, taken
 * from the wall clock since `epochMs` (Date.now() units): a restarted writer continues the count as a
 * board that kept running while unplugged would, so the test knows exactly how many samples a
 * disconnect lost. Each run prints a boot message and the header, and 3 garbage lines early on:
 *   k = 50:  `dbg: fifo level 12`   (not numeric)
 *   k = 100: `1.5,2.5`              (a stray value count)
 *   k = 150: `nan,0.1,0.2`          (not numeric)
 * where k counts readings since this run started. Lines go out as CRLF, as Serial.println writes them.
 *
 * Usage: node --import tsx line-writer.ts <device> <rateHz> <epochMs>
 * Exits quietly when the device goes away (EIO once socat is gone), or on SIGTERM.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const [device, rateText, epochText] = process.argv.slice(2);
const rate = Number(rateText);
const epochMs = Number(epochText);
if (!device || !(rate > 0) || !Number.isFinite(epochMs)) {
  process.stderr.write('usage: line-writer.ts <device> <rateHz> <epochMs>\n');
  process.exit(2);
}

const GARBAGE = new Map([
  [50, 'dbg: fifo level 12'],
  [100, '1.5,2.5'],
  [150, 'nan,0.1,0.2'],
]);

const fd = openSync(device, 'w');
const due = (): number => Math.floor(((Date.now() - epochMs) * rate) / 1000);
const first = due();
let next = first;

function write(text: string): void {
  try {
    writeSync(fd, text);
  } catch {
    // The pty is gone (socat was stopped): a board without a host.
    process.exit(0);
  }
}

write('Booting sensor v1.2...\r\naX,aY,aZ\r\n');
process.stdout.write(`${JSON.stringify({ first })}\n`);

// Every 5 ms, write every reading that has come due: bursts like a USB board's, at an exact mean rate.
const timer = setInterval(() => {
  const last = due();
  let text = '';
  for (; next <= last; next++) {
    const garbage = GARBAGE.get(next - first);
    if (garbage) text += `${garbage}\r\n`;
    const phase = (2 * Math.PI * next) / rate;
    text += `${next},${Math.sin(phase).toFixed(4)},${Math.cos(phase).toFixed(4)}\r\n`;
  }
  if (text) write(text);
}, 5);

process.on('SIGTERM', () => {
  clearInterval(timer);
  closeSync(fd);
  process.exit(0);
});
