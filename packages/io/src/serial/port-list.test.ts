import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { listSerialPorts, PortSelectionError, resolvePort, type PortInfo } from './port-list.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const script = fileURLToPath(new URL('../../test/serial/list-ports.ts', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'sensorkit-ports-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ARDUINO: PortInfo = { path: '/dev/ttyACM0', manufacturer: 'Arduino LLC', vendorId: '2341', productId: '8057', serialNumber: 'ABC123' };
const FTDI: PortInfo = { path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001' };
const LEGACY: PortInfo[] = [{ path: '/dev/ttyS0' }, { path: '/dev/ttyS1' }];
const listing = (...ports: PortInfo[]) => async (): Promise<PortInfo[]> => ports;

describe('resolvePort', () => {
  it('returns a path as given, and picks the one board for auto, ignoring legacy ttyS ports', async () => {
    expect(await resolvePort('/dev/pts/4', listing())).toBe('/dev/pts/4');
    expect(await resolvePort('auto', listing(...LEGACY, ARDUINO))).toBe('/dev/ttyACM0');
    // A ttyS port with a USB vendor ID (some adapters) is a board.
    expect(await resolvePort('auto', listing({ path: '/dev/ttyS4', vendorId: '1a86', productId: '7523' }, LEGACY[0]!))).toBe('/dev/ttyS4');
  });

  it('explains when no board is found, listing what was seen', async () => {
    const none = resolvePort('auto', listing(...LEGACY));
    await expect(none).rejects.toBeInstanceOf(PortSelectionError);
    await expect(none).rejects.toThrow(
      'serial: no board found for --port auto (only legacy ports without a USB vendor ID, ignored: /dev/ttyS0, /dev/ttyS1); plug the board in',
    );
    await expect(resolvePort('auto', listing())).rejects.toThrow(/\(no serial ports at all\).*or pass --port <path>/);
  });

  it('lists the candidates and asks for --port when there are several', async () => {
    await expect(resolvePort('auto', listing(ARDUINO, ...LEGACY, FTDI))).rejects.toThrow(
      'serial: 2 boards found for --port auto: /dev/ttyACM0 (Arduino LLC, 2341:8057, serial ABC123); /dev/ttyUSB0 (FTDI, 0403:6001); pass --port <path> to choose one',
    );
  });

  it('refuses an empty spec', async () => {
    await expect(resolvePort('', listing())).rejects.toThrow("serial: port = \"\"; expected a device path, or 'auto'");
  });
});

describe('listSerialPorts', () => {
  it('keeps the USB identity fields, sorted by path', async () => {
    const raw = async () => [
      { path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001', serialNumber: undefined, pnpId: 'x' },
      { path: '/dev/ttyACM0', manufacturer: 'Arduino LLC', vendorId: '2341', productId: '8057', serialNumber: 'ABC123' },
    ];
    expect(await listSerialPorts({ list: raw })).toEqual([ARDUINO, FTDI]);
  });

  it('falls back to the device nodes, with a warning, when udevadm is missing', async () => {
    const dev = join(scratch, 'dev');
    mkdirSync(dev);
    for (const name of ['ttyACM0', 'ttyUSB1', 'ttyS0', 'null', 'tty1']) writeFileSync(join(dev, name), '');
    const warnings: string[] = [];
    const missing = async (): Promise<never> => {
      throw Object.assign(new Error('spawn udevadm ENOENT'), { code: 'ENOENT' });
    };
    const ports = await listSerialPorts({ list: missing, devDir: dev, onWarning: (m) => warnings.push(m) });
    expect(ports).toEqual([{ path: `${dev}/ttyACM0` }, { path: `${dev}/ttyUSB1` }]);
    expect(warnings).toEqual([
      `serial: cannot list ports (spawn udevadm ENOENT): udevadm is not installed (Debian: apt-get install udev); found 2 device node(s) in ${dev} instead, without USB details`,
    ]);
    // A lister that hangs is cut off too.
    const hung = await listSerialPorts({ list: () => new Promise(() => undefined), timeoutMs: 20, devDir: join(scratch, 'none'), onWarning: (m) => warnings.push(m) });
    expect(hung).toEqual([]);
    expect(warnings[1]).toMatch(/^serial: cannot list ports \(listing took over 20 ms\); found 0 device node/);
  });

  it('runs the real serialport lister here, and degrades instead of crashing when udevadm is not on PATH', async () => {
    const real = await listSerialPorts({ onWarning: (m) => expect.fail(`unexpected warning: ${m}`) });
    expect(Array.isArray(real)).toBe(true);
    expect(real.every((p) => typeof p.path === 'string' && p.path.startsWith('/dev/'))).toBe(true);
    const emptyBin = join(scratch, 'bin');
    mkdirSync(emptyBin);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      cwd: repoRoot,
      env: { ...process.env, PATH: emptyBin },
      timeout: 20_000,
    });
    const result = JSON.parse(stdout) as { ports: PortInfo[]; warnings: string[] };
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^serial: cannot list ports \(spawn udevadm ENOENT\): udevadm is not installed/);
    expect(result.ports.every((p) => /^\/dev\/(ttyACM|ttyUSB|ttyAMA|rfcomm)/.test(p.path))).toBe(true);
  });
});
