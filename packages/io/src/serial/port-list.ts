import { readdir } from 'node:fs/promises';
import { ParameterError } from '@sensorkit/dsp';
import { emitIoWarning, type WarningHandler } from '../errors.js';
import { loadSerialPort } from './node-serial-port.js';
import { withTimeout } from './timeout.js';

/** A serial port the OS knows about. IDs are 4-digit lowercase hex strings as udev gives them. */
export interface PortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

/** What the lister underneath returns (serialport's PortInfo has these and more). */
export interface RawPortInfo {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

export interface ListSerialPortsOptions {
  /** the lister (default serialport's `SerialPort.list`, which runs `udevadm` on Linux) */
  list?: () => Promise<RawPortInfo[]>;
  /** ms allowed for listing (default 5000) */
  timeoutMs?: number;
  /** folder scanned for device nodes when the lister cannot run (default '/dev') */
  devDir?: string;
  onWarning?: WarningHandler;
}

// Device nodes of USB, ACM, on-board and Bluetooth serial ports, for the fallback without udev.
const DEVICE_NODE = /^(ttyACM\d+|ttyUSB\d+|ttyAMA\d+|ttyXRUSB\d+|ttyWCH\d+|rfcomm\d+|cu\.usb\S+|tty\.usb\S+)$/;

function clean(p: RawPortInfo): PortInfo {
  const info: PortInfo = { path: p.path };
  if (p.manufacturer) info.manufacturer = p.manufacturer;
  if (p.serialNumber) info.serialNumber = p.serialNumber;
  if (p.vendorId) info.vendorId = p.vendorId.toLowerCase();
  if (p.productId) info.productId = p.productId.toLowerCase();
  return info;
}

async function scanDeviceNodes(devDir: string): Promise<PortInfo[]> {
  try {
    const names = await readdir(devDir);
    return names
      .filter((n) => DEVICE_NODE.test(n))
      .sort()
      .map((n) => ({ path: `${devDir.replace(/\/$/, '')}/${n}` }));
  } catch {
    return [];
  }
}

async function defaultList(): Promise<RawPortInfo[]> {
  const { SerialPort } = await loadSerialPort();
  return SerialPort.list();
}

/**
 * Serial ports with their USB identity (path, manufacturer, serialNumber, vendorId, productId). When the
 * OS lister fails (on Linux it runs `udevadm`, missing in many containers) this warns and falls back
 * to the device nodes in /dev (ttyACM*, ttyUSB*, ...) without USB details, instead of throwing.
 * @example
 * for (const p of await listSerialPorts()) console.log(p.path, p.manufacturer ?? '', p.vendorId ?? '');
 */
export async function listSerialPorts(options: ListSerialPortsOptions = {}): Promise<PortInfo[]> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const onWarning = options.onWarning ?? emitIoWarning;
  try {
    const ports = await withTimeout((options.list ?? defaultList)(), timeoutMs, `listing took over ${timeoutMs} ms`);
    return ports.map(clean).sort((a, b) => a.path.localeCompare(b.path));
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    const missing = /udevadm/.test(text) && /ENOENT/.test(text);
    const devDir = options.devDir ?? '/dev';
    const nodes = await scanDeviceNodes(devDir);
    onWarning(
      `serial: cannot list ports (${text})${missing ? ': udevadm is not installed (Debian: apt-get install udev)' : ''}; ` +
        `found ${nodes.length} device node(s) in ${devDir} instead, without USB details`,
    );
    return nodes;
  }
}

/** Legacy on-board UARTs (`/dev/ttyS0`..): the kernel lists them whether or not anything is wired. */
function isLegacyPort(p: PortInfo): boolean {
  return /\/ttyS\d+$/.test(p.path) && !p.vendorId;
}

/** `/dev/ttyACM0 (Arduino LLC, 2341:8057, serial ABC123)` */
export function describePort(p: PortInfo): string {
  const details = [p.manufacturer, p.vendorId && `${p.vendorId}:${p.productId ?? '????'}`, p.serialNumber && `serial ${p.serialNumber}`].filter(Boolean);
  return details.length > 0 ? `${p.path} (${details.join(', ')})` : p.path;
}

/** No board, or several, for `--port auto`: the message says what was seen and what to do. */
export class PortSelectionError extends Error {
  override readonly name = 'PortSelectionError';
  constructor(
    message: string,
    /** every port the lister returned */
    readonly seen: readonly PortInfo[],
  ) {
    super(message);
  }
}

/**
 * A device path from a `--port` value: a path is returned as is; 'auto' picks the one plausible board
 * (legacy /dev/ttyS* ports without a USB vendor ID are ignored) and throws a PortSelectionError that
 * lists what was seen when there is none or more than one.
 * @example
 * const path = await resolvePort('auto'); // '/dev/ttyACM0' when exactly one board is plugged in
 */
export async function resolvePort(spec: string, list: () => Promise<PortInfo[]> = listSerialPorts): Promise<string> {
  if (typeof spec !== 'string' || spec.trim() === '') throw new ParameterError('serial', 'port', spec, "a device path, or 'auto'");
  if (spec !== 'auto') return spec;
  const seen = await list();
  const boards = seen.filter((p) => !isLegacyPort(p));
  if (boards.length === 1) return boards[0]!.path;
  if (boards.length === 0) {
    const ignored = seen.filter(isLegacyPort).map((p) => p.path);
    const saw = ignored.length > 0 ? `only legacy ports without a USB vendor ID, ignored: ${ignored.join(', ')}` : 'no serial ports at all';
    throw new PortSelectionError(
      `serial: no board found for --port auto (${saw}); plug the board in (check the cable carries data), check permissions (dialout group), or pass --port <path>`,
      seen,
    );
  }
  throw new PortSelectionError(
    `serial: ${boards.length} boards found for --port auto: ${boards.map(describePort).join('; ')}; pass --port <path> to choose one`,
    seen,
  );
}
