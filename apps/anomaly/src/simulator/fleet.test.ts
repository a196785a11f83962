import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWav } from '@sensorkit/io';
import { afterAll, describe, expect, it } from 'vitest';
import { demoFleet, machineVariants } from './fleet.js';
import { createMachine } from './machine-plan.js';
import { severityAt } from './severity.js';
import { simulate } from './simulate.js';
import { amplitudeAt, bandEnvelopeSpectrum, lineAt } from './test-probes.js';
import { readTruth, writeSimulation } from './write-simulation.js';

const RATE = 12800;
const DURATION = 20;
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

function pearson(x: number[], y: number[]): number {
  const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('demo fleet and run-to-failure', () => {
  it('has a healthy machine, an outer-race run-to-failure and a growing imbalance, each with its own seed and bearing', () => {
    const fleet = demoFleet(1, 100);
    expect(fleet.map((m) => [m.name, m.fault])).toEqual([['pump-1', 'none'], ['fan-2', 'outer-race'], ['gearbox-3', 'imbalance']]);
    expect(new Set(fleet.map((m) => m.seed)).size).toBe(3);
    expect(new Set(fleet.map((m) => m.frequencies.bpfo)).size).toBe(3);
    expect(fleet[1]!.severity).toMatchObject({ type: 'run-to-failure', onset: 25, failure: 85 });
    expect(demoFleet(2, 100).map((m) => m.seed)).not.toEqual(fleet.map((m) => m.seed));
  });

  it('writes recordings whose truth timeline is monotonic, matches the curve, and is what the signal shows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sensorkit-fleet-'));
    dirs.push(dir);
    const fleet = demoFleet(1, DURATION);
    const written = await writeSimulation(dir, fleet.map((plan) => simulate(plan, { sampleRate: RATE, duration: DURATION })));
    expect(written.map((w) => w.machine)).toEqual(['pump-1', 'fan-2', 'gearbox-3']);

    const [fan, gearbox] = [fleet[1]!, fleet[2]!];
    const truth = await readTruth(written[1]!.file);
    expect(truth).toMatchObject({ machine: 'fan-2', fault: 'outer-race', onset: 5, failure: 17, units: 'g', sampleRate: RATE });
    expect(truth.timeline.length).toBeGreaterThan(40);
    for (let i = 1; i < truth.timeline.length; i++) {
      expect(truth.timeline[i]!.time).toBeGreaterThan(truth.timeline[i - 1]!.time);
      expect(truth.timeline[i]!.severity).toBeGreaterThanOrEqual(truth.timeline[i - 1]!.severity);
    }
    for (const point of truth.timeline) expect(point.severity).toBe(severityAt(fan.severity, point.time));

    // One-second windows: the BPFO envelope line follows the true severity, and is absent before onset.
    const samples = (await readWav(written[1]!.file)).samples;
    const severity: number[] = [];
    const line: number[] = [];
    for (let w = 0; w < DURATION; w++) {
      const s = bandEnvelopeSpectrum(samples.subarray(w * RATE, (w + 1) * RATE), RATE, [2400, 4400], 8192);
      severity.push(severityAt(fan.severity, w + 0.5));
      line.push(lineAt(s, fan.frequencies.bpfo));
    }
    expect(pearson(severity, line)).toBeGreaterThan(0.98);
    expect(Math.max(...line.slice(0, 5))).toBeLessThan(0.2 * line[5]!);

    // The imbalance's 1x line: residual 0.04 g plus severity x 0.4 g, window by window (speed drift included).
    const box = (await readWav(written[2]!.file)).samples;
    for (let w = 0; w < DURATION; w++) {
      const expected = 0.04 + 0.4 * severityAt(gearbox.severity, w + 0.5);
      expect(Math.abs(amplitudeAt(box.subarray(w * RATE, (w + 1) * RATE), RATE, gearbox.shaftHz) / expected - 1)).toBeLessThan(0.05);
    }
  });

  it('makes variants with their own seeds, speeds within 3 % and loads within 0.15', () => {
    const variants = machineVariants({ name: 'motor', shaftHz: 30, load: 0.5 }, 5, 42);
    expect(variants.map((v) => v.name)).toEqual(['motor-1', 'motor-2', 'motor-3', 'motor-4', 'motor-5']);
    expect(new Set(variants.map((v) => v.seed)).size).toBe(5);
    for (const v of variants) {
      expect(Math.abs(v.shaftHz! / 30 - 1)).toBeLessThanOrEqual(0.03);
      expect(Math.abs(v.load! - 0.5)).toBeLessThanOrEqual(0.15);
      expect(() => createMachine(v)).not.toThrow();
    }
    expect(machineVariants({ name: 'motor' }, 1, 7)).toEqual([{ name: 'motor', seed: 7 }]);
  });
});
