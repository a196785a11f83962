import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { CommanderError } from 'commander';
import { ParameterError } from '@sensorkit/dsp';
import { readCsv, readWav } from '@sensorkit/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTruth } from '../simulator/write-simulation.js';
import { bandEnvelopeSpectrum, peakIn } from '../simulator/test-probes.js';
import { simulateCommand } from './simulate.js';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'sensorkit-simulate-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Runs the command in-process as the CLI does (help and usage errors as CommanderError). */
async function simulate(...argv: string[]): Promise<{ stdout: string; stderr: string; error?: unknown }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (b: Buffer) => (out += b.toString()));
  stderr.on('data', (b: Buffer) => (err += b.toString()));
  const command = simulateCommand({ stdout, stderr })
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  try {
    await command.parseAsync(argv, { from: 'user' });
    return { stdout: out, stderr: err };
  } catch (error) {
    return { stdout: out, stderr: err, error };
  }
}

describe('sensorkit anomaly simulate', () => {
  it('lists every option with its unit and default in --help', async () => {
    const run = await simulate('--help');
    expect((run.error as CommanderError).exitCode).toBe(0);
    const stdout = run.stdout.replace(/\s+/g, ' '); // commander wraps lines at 80 columns
    expect(stdout).toMatch(/--rate <hz> sample rate, Hz \(default: 12800\)/);
    expect(stdout).toMatch(/--duration <s> length of each recording, s \(default: 10\)/);
    expect(stdout).toMatch(/--fault <kind> fault the machine carries \(choices: "none", "outer-race", "inner-race", "ball", "imbalance", "misalignment", default: "none"/);
    expect(stdout).toMatch(/--shaft-hz <hz> mean shaft speed, Hz .* \(default: 29\.95\)/);
    expect(stdout).toMatch(/--severity <0\.\.1>/);
    expect(stdout).toMatch(/--format <format> .*choices: "wav", "f32", "csv"/);
  });

  it('writes a recording whose envelope spectrum shows the BPFO its truth file states', async () => {
    const file = join(dir, 'one', 'bearing.wav');
    const run = await simulate('--out', file, '--fault', 'outer-race', '--severity', '0.3', '--duration', '1.3', '--seed', '3');
    expect(run.error).toBeUndefined();
    expect(run.stdout).toMatch(/^wrote .*bearing\.wav: machine, outer-race, 1\.3 s at 12800 Hz; shaft 29\.95 Hz, BPFO 107\.36, BPFI 162\.19, BSF 70\.58, FTF 11\.93 Hz; truth .*bearing\.wav\.json\n$/);
    const truth = await readTruth(file);
    expect(truth).toMatchObject({ machine: 'machine', seed: 3, sampleRate: 12800, units: 'g', duration: 1.3, fault: 'outer-race', onset: 0 });
    expect(truth.timeline).toEqual([{ time: 0, severity: 0.3 }]);
    const { samples, sampleRate } = await readWav(file);
    expect(samples.length).toBe(16640);
    const peak = peakIn(bandEnvelopeSpectrum(samples, sampleRate, [2000, 4000]), 5, 500);
    expect(Math.abs(peak.hz - truth.frequencies.bpfo)).toBeLessThanOrEqual(12800 / 16384);
  });

  it('writes one CSV per machine for --machines, with a run-to-failure ending at the recording end by default', async () => {
    const out = join(dir, 'runs');
    const run = await simulate('--out', out, '--machines', '3', '--fault', 'inner-race', '--onset', '0.2', '--duration', '0.5', '--format', 'csv', '--name', 'pump');
    expect(run.error).toBeUndefined();
    expect(run.stdout.trim().split('\n')).toHaveLength(3);
    expect((await readdir(out)).sort()).toEqual(['pump-1.csv', 'pump-1.csv.json', 'pump-2.csv', 'pump-2.csv.json', 'pump-3.csv', 'pump-3.csv.json']);
    const truths = await Promise.all([1, 2, 3].map((i) => readTruth(join(out, `pump-${i}.csv`))));
    for (const t of truths) expect(t).toMatchObject({ fault: 'inner-race', onset: 0.2, failure: 0.5, duration: 0.5 });
    expect(new Set(truths.map((t) => t.seed)).size).toBe(3);
    expect(new Set(truths.map((t) => t.shaftHz)).size).toBe(3);
    const csv = await readCsv(join(out, 'pump-2.csv'));
    expect(csv.sampleRate).toBe(12800);
    expect(csv.segments[0]!.samples.length).toBe(6400);
  });

  it.each<[string, string[], RegExp]>([
    ['severity above 1', ['--fault', 'ball', '--severity', '1.5'], /fault\.severity = 1\.5; expected a number in \[0, 1\]/],
    ['a severity without a fault', ['--severity', '0.5'], /fault\.severity = 0\.5; expected nothing for fault kind "none"/],
    ['a negative shaft speed', ['--shaft-hz', '-3'], /shaftHz = -3/],
    ['a resonance above Nyquist', ['--rate', '4000', '--resonance', '3000'], /resonances\[0\]\.hz = 3000; expected a frequency below Nyquist = 2000 Hz/],
    ['failure before onset', ['--fault', 'ball', '--onset', '5', '--failure', '2'], /fault\.failure = 2/],
    ['a ball larger than the pitch circle', ['--bearing', '9,40,39,0'], /bearing\.ballDiameter = 40/],
  ])('refuses %s with a ParameterError before writing anything', async (_, args, message) => {
    const out = join(dir, 'refused', 'x.wav');
    const { error } = await simulate('--out', out, ...args);
    expect(error).toBeInstanceOf(ParameterError);
    expect((error as Error).message).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unknown fault kind as a usage error', async () => {
    const { error, stderr } = await simulate('--out', join(dir, 'y.wav'), '--fault', 'cracked');
    expect(error).toBeInstanceOf(CommanderError);
    expect(stderr).toMatch(/argument 'cracked' is invalid. Allowed choices are none, outer-race/);
  });
});
