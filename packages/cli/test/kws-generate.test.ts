import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kws-cli-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('sensorkit kws generate', () => {
  it('writes a wake-word set from three voices and prints its summary', async () => {
    const out = join(root, 'wake');
    const voices = 'espeak-ng:en-us+f3,espeak-ng:en-gb+m3,espeak-ng:en-029+klatt';
    const run = await cli('kws', 'generate', '--wake-word', 'hey kit', '--voices', voices, '--engines', 'espeak-ng', '--val', '0.34', '--test', '0.34', '--out', out, '--json');
    expect(run.stderr).toContain('kws generate: 15/15 clips');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { clips: number; labels: string[]; voicesPerSplit: Record<string, number>; clipsPerLabel: Record<string, Record<string, number>> };
    // One target: 3 _unknown_ clips per wake-word clip by default, 1 _silence_.
    expect(summary.labels).toEqual(['hey_kit', '_unknown_', '_silence_']);
    expect(summary.clips).toBe(15);
    expect(summary.voicesPerSplit).toEqual({ train: 1, validation: 1, test: 1 });
    expect(summary.clipsPerLabel._unknown_).toEqual({ train: 3, validation: 3, test: 3 });
    const again = await cli('kws', 'generate', '--wake-word', 'hey kit', '--voices', voices, '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^sensorkit: kws generate: out = ".*wake"; expected a new or empty folder: it holds \d+ entries; pass --force/);
  }, 30_000);

  it('refuses bad values in one line naming them (exit 2), before writing anything', async () => {
    const cases: [string[], RegExp][] = [
      [['--words', 'yes,no!'], /words = "no!"; expected a word or phrase of English letters/],
      [['--words', ','], /--words = ","; expected a comma-separated list of at least one word/],
      [[], /words = \[\]; expected at least one word \(or a wake word\)/],
      [['--words', 'yes', '--seed', 'abc'], /--seed = "abc"; expected a number/],
      [['--words', 'yes', '--snr', '30,5'], /--snr = "30,5"; expected two numbers low,high/],
      [['--words', 'yes', '--jobs', '3'], /jobs = 3; expected an integer in 1\.\.2/],
      [['--words', 'yes', '--engines', 'say'], /engines = \["say"\]; expected one or more of espeak-ng, flite, festival/],
      [['--words', 'yes', '--test', '0.9'], /test = 0\.9; expected a number in \[0, 0\.45\]/],
    ];
    for (const [args, message] of cases) {
      const run = await cli('kws', 'generate', '--out', join(root, 'never'), ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n').length, args.join(' ')).toBe(1);
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
  });
});
