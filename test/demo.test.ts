import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = ['--import', 'tsx', 'packages/cli/src/main.ts', 'anomaly', 'demo'];
// The run a person gets from `pnpm demo`, minus the pacing and the browser: the same fleet, detectors and dashboard.
const env = { ...process.env, CI: 'true', FORCE_COLOR: '0' };

describe('pnpm demo (the quick start main job)', () => {
  it('trains on healthy commissioning data, alarms on both faulty machines after onset and never on the healthy one', () => {
    const run = spawnSync(process.execPath, [...cli, '--speed', '0', '--duration', '60', '--port', '0', '--no-browser', '--exit'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 180_000,
      env,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/dashboard: http:\/\/127\.0\.0\.1:\d+\//);
    const verdicts = Object.fromEntries(
      run.stdout
        .split('\n')
        .filter((l) => /^(pump-1|fan-2|gearbox-3)\s+(none|outer-race|imbalance)\s/.test(l))
        .map((l) => {
          const cells = l.trim().split(/\s{2,}/);
          return [cells[0], cells[cells.length - 1]];
        }),
    );
    expect(verdicts).toEqual({ 'pump-1': 'ok', 'fan-2': 'ok', 'gearbox-3': 'ok' });
    expect(run.stdout).toMatch(/alert fan-2: normal -> (warning|alarm)/);
    expect(run.stdout).not.toMatch(/alert pump-1/);
  });

  it('ends cleanly on Ctrl-C mid-run: exit 0, the dashboard closed, the outcomes so far printed', async () => {
    const child = spawn(process.execPath, [...cli, '--speed', '1', '--duration', '300', '--port', '0', '--no-browser'], { cwd: root, env });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no dashboard URL within 120 s; output:\n${out}${err}`)), 120_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /dashboard: (http:\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    expect((await fetch(url)).status).toBe(200);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/stopped at \d+\.\d s of 300 s: outcomes so far/);
    expect(out).toMatch(/fan-2\s+outer-race\s+.*before onset/);
    await expect(fetch(url)).rejects.toThrow();
  }, 180_000);
});
