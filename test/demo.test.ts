import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('pnpm demo (the quick start main job)', () => {
  it('generates the bearing recording and finds the fault frequency through the CLI', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/envelope spectrum peak: 10[6-8]\.\d Hz; expected BPFO 107\.4 Hz/);
    expect(run.stdout).toContain('the outer-race fault was found from the vibration alone');
    expect(run.stdout).toMatch(/\$ sensorkit features mfcc --preset mlperf-kws/);
  });
});
