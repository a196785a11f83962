import { describe, expect, it } from 'vitest';
import { cli } from '../run-cli.js';

// No hardware is assumed: the machine may have no serial port at all, or legacy /dev/ttyS* ones.
describe('sensorkit ports', () => {
  it('prints a JSON array of ports with a path each (possibly empty)', async () => {
    const run = await cli('ports', '--json');
    expect(run.code).toBe(0);
    const ports: unknown = JSON.parse(run.stdout);
    expect(Array.isArray(ports)).toBe(true);
    for (const p of ports as Record<string, unknown>[]) {
      expect(typeof p.path).toBe('string');
      for (const key of Object.keys(p)) expect(['path', 'manufacturer', 'serialNumber', 'vendorId', 'productId']).toContain(key);
    }
    expect(run.stdout.endsWith('\n')).toBe(true);
  });

  it('prints a table, or says plainly that there is none', async () => {
    const json = JSON.parse((await cli('ports', '--json')).stdout) as { path: string }[];
    const run = await cli('ports');
    expect(run.code).toBe(0);
    if (json.length === 0) {
      expect(run.stdout).toMatch(/^no serial ports found/);
    } else {
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^path\s+manufacturer\s+vid:pid\s+serial number$/);
      expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(json.map((p) => p.path));
    }
  });
});
