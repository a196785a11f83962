import { describe, expect, it } from 'vitest';
import { BEARINGS } from './bearing.js';
import { createMachine, type MachinePlan } from './machine-plan.js';
import type { MachineOptions } from './machine-options.js';
import { simulate } from './simulate.js';
import { bandEnvelopeSpectrum, floorIn, lineAt, peakIn, type Spectrum } from './test-probes.js';

/*
 * The proof that the simulator is a bearing a vibration analyst would recognize: band-pass around
 * the resonance, envelope spectrum (the kit's computeEnvelopeSpectrum, 16384 points at 12.8 kHz: 0.78 Hz
 * bins), and the lines sit at the kinematic defect frequencies.
 */
const RATE = 12800;

function envelopeOf(options: MachineOptions, band: [number, number] = [2000, 4000]): { plan: MachinePlan; s: Spectrum; floor: number } {
  const plan = createMachine(options);
  const { samples } = simulate(plan, { sampleRate: RATE, duration: 1.3 });
  const s = bandEnvelopeSpectrum(samples, RATE, band);
  return { plan, s, floor: floorIn(s, 5, 500) };
}

describe('bearing fault signatures in the envelope spectrum', () => {
  it.each([
    { seed: 3, shaftHz: 29.95, bearing: BEARINGS['skf-6205'], resonance: 3000 },
    { seed: 8, shaftHz: 24.6, bearing: BEARINGS['skf-6203'], resonance: 3400 },
  ])('outer race: the highest line is BPFO (seed $seed, $shaftHz Hz), with its harmonics', ({ seed, shaftHz, bearing, resonance }) => {
    const { plan, s, floor } = envelopeOf(
      { seed, shaftHz, bearing, resonances: [{ hz: resonance, damping: 0.05 }], fault: { kind: 'outer-race', severity: 0.3 } },
      [resonance - 1000, resonance + 1000],
    );
    const bpfo = plan.frequencies.bpfo;
    const peak = peakIn(s, 5, 500);
    expect(Math.abs(peak.hz - bpfo)).toBeLessThanOrEqual(s.resolution);
    expect(peak.value / floor).toBeGreaterThan(30);
    expect(lineAt(s, 2 * bpfo) / floor).toBeGreaterThan(10);
    expect(lineAt(s, 3 * bpfo) / floor).toBeGreaterThan(5);
    // A stationary defect is not modulated by the shaft: no line at fr.
    expect(lineAt(s, plan.frequencies.shaft) / floor).toBeLessThan(5);
  });

  it.each([3, 4])('inner race: the highest line is BPFI, with sidebands at BPFI +- fr and a line at fr (seed %i)', (seed) => {
    const { plan, s, floor } = envelopeOf({ seed, fault: { kind: 'inner-race', severity: 0.3 } });
    const { bpfi, shaft } = plan.frequencies;
    const peak = peakIn(s, 5, 500);
    expect(Math.abs(peak.hz - bpfi)).toBeLessThanOrEqual(s.resolution);
    expect(peak.value / floor).toBeGreaterThan(30);
    expect(lineAt(s, bpfi - shaft) / floor).toBeGreaterThan(10);
    expect(lineAt(s, bpfi + shaft) / floor).toBeGreaterThan(10);
    expect(lineAt(s, shaft) / floor).toBeGreaterThan(10);
    expect(lineAt(s, plan.frequencies.bpfo) / floor).toBeLessThan(5);
  });

  // Convention: bsf is the ball spin frequency (2.357 x fr for the 6205); a ball defect hits the outer and
  // inner race once per spin, so the impacts come at 2 x BSF (CWRU's 4.7135 x fr) and alternate in
  // strength, which puts a line at BSF too; the cage carries the ball through the load zone (FTF sidebands).
  it.each([3, 4])('ball: the highest line above 50 Hz is 2 x BSF, with lines at BSF, FTF and 2 x BSF +- FTF (seed %i)', (seed) => {
    const { plan, s, floor } = envelopeOf({ seed, fault: { kind: 'ball', severity: 0.3 } });
    const { bsf, ftf } = plan.frequencies;
    const peak = peakIn(s, 50, 500);
    expect(Math.abs(peak.hz - 2 * bsf)).toBeLessThanOrEqual(s.resolution);
    expect(peak.value / floor).toBeGreaterThan(30);
    expect(lineAt(s, bsf) / floor).toBeGreaterThan(10);
    expect(lineAt(s, ftf) / floor).toBeGreaterThan(8);
    expect(lineAt(s, 2 * bsf - ftf) / floor).toBeGreaterThan(6);
    expect(lineAt(s, 2 * bsf + ftf) / floor).toBeGreaterThan(6);
  });

  it.each([3, 4, 5])('healthy: no line stands above the noise, at the fault frequencies or anywhere (seed %i)', (seed) => {
    const { plan, s, floor } = envelopeOf({ seed, fault: { kind: 'none' } });
    const f = plan.frequencies;
    for (const hz of [f.bpfo, f.bpfi, f.bsf, 2 * f.bsf, f.ftf, f.shaft, 2 * f.bpfo]) expect(lineAt(s, hz) / floor).toBeLessThan(5);
    // Rayleigh-distributed noise bins: the largest of ~640 is ~3x their median.
    expect(peakIn(s, 5, 500).value / floor).toBeLessThan(5);
  });

  it('a stronger fault gives a proportionally stronger line', () => {
    const weak = envelopeOf({ seed: 3, noise: 0, fault: { kind: 'outer-race', severity: 0.1 } });
    const strong = envelopeOf({ seed: 3, noise: 0, fault: { kind: 'outer-race', severity: 0.4 } });
    const ratio = lineAt(strong.s, strong.plan.frequencies.bpfo) / lineAt(weak.s, weak.plan.frequencies.bpfo);
    expect(ratio).toBeGreaterThan(3.9);
    expect(ratio).toBeLessThan(4.1);
  });
});
