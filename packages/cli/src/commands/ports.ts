import { Command } from 'commander';
import { listSerialPorts } from '@sensorkit/io';
import type { CliIo } from '../cli-io.js';

// Listing asks udev about every tty; a wedged udevadm must not hang the command.
const LIST_TIMEOUT_MS = 5000;

/** `sensorkit ports [--json]`: the serial ports a board could be on, with who made them. */
export function portsCommand(io: CliIo): Command {
  return new Command('ports')
    .description('list serial ports (path, manufacturer, USB vendor:product id, serial number) to find a board for --port')
    .option('--json', 'print a JSON array of { path, manufacturer?, serialNumber?, vendorId?, productId? }')
    .action(async (options: { json?: boolean }) => {
      // Without udev the lister falls back to /dev nodes and says so: on stderr, so --json output stays parseable.
      const ports = await listSerialPorts({ timeoutMs: LIST_TIMEOUT_MS, onWarning: (m) => void io.stderr.write(`sensorkit: ${m}\n`) });
      if (options.json) {
        io.stdout.write(`${JSON.stringify(ports)}\n`);
        return;
      }
      if (ports.length === 0) {
        io.stdout.write('no serial ports found (plug in a board; check that the cable carries data and that you may open /dev/tty* devices)\n');
        return;
      }
      const rows = ports.map((p) => [p.path, p.manufacturer ?? '', usbId(p.vendorId, p.productId), p.serialNumber ?? '']);
      const header = ['path', 'manufacturer', 'vid:pid', 'serial number'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      for (const row of [header, ...rows]) io.stdout.write(`${row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
    });
}

function usbId(vendorId: string | undefined, productId: string | undefined): string {
  return vendorId || productId ? `${vendorId ?? '????'}:${productId ?? '????'}` : '';
}
