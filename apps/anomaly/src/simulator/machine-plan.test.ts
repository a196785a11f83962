import { ParameterError } from '@sensorkit/dsp';
import { describe, expect, it } from 'vitest';
import { BEARINGS } from './bearing.js';
import type { MachineOptions } from './machine-options.js';
import { createMachine } from './machine-plan.js';
import { simulate } from './simulate.js';

describe('createMachine', () => {
  it('fills defaults into a versioned description that rebuilds the same machine', () => {
    const plan = createMachine({ name: 'fan', seed: 9, fault: { kind: 'inner-race', onset: 1, failure: 5 } });
    expect(plan.description.block).toBe('machine');
    expect(plan.description.version).toBe(1);
    const o = plan.description.options;
    expect(o).toMatchObject({ name: 'fan', seed: 9, shaftHz: 29.95, load: 0.5, noise: 0.02, bearing: BEARINGS['skf-6205'] });
    expect(o.fault).toEqual({ kind: 'inner-race', gain: 2, onset: 1, failure: 5, initial: 0.1, growth: 4 });
    const rebuilt = createMachine(JSON.parse(JSON.stringify(o)) as MachineOptions);
    const options = { sampleRate: 12800, duration: 0.5 };
    expect(simulate(rebuilt, options).samples).toEqual(simulate(plan, options).samples);
    expect(plan.frequencies.bpfi).toBeCloseTo(5.415215 * 29.95, 4);
  });

  it.each<[string, MachineOptions, RegExp]>([
    ['ball diameter = pitch diameter', { bearing: { ...BEARINGS['skf-6205'], ballDiameter: 39.04 } }, /bearing\.ballDiameter = 39.04; expected a diameter \(mm\) below pitchDiameter = 39.04 mm/],
    ['ball diameter > pitch diameter', { bearing: { balls: 9, ballDiameter: 12, pitchDiameter: 10, contactAngle: 0 } }, /bearing\.ballDiameter = 12/],
    ['negative speed', { shaftHz: -30 }, /shaftHz = -30; expected a number in \(0, 1000\] \(Hz\)/],
    ['zero speed', { shaftHz: 0 }, /shaftHz = 0/],
    ['severity above 1', { fault: { kind: 'outer-race', severity: 1.5 } }, /fault\.severity = 1\.5; expected a number in \[0, 1\]/],
    ['negative severity', { fault: { kind: 'imbalance', severity: -0.1 } }, /fault\.severity = -0\.1/],
    ['failure before onset', { fault: { kind: 'ball', onset: 10, failure: 5 } }, /fault\.failure = 5; expected a number in \(10, /],
    ['onset without failure', { fault: { kind: 'ball', onset: 10 } }, /fault\.failure = undefined/],
    ['severity with a run-to-failure', { fault: { kind: 'ball', severity: 0.5, onset: 1, failure: 2 } }, /fault\.severity = 0\.5; expected no constant severity with onset\/failure/],
    ['severity on a healthy machine', { fault: { kind: 'none', severity: 0.5 } }, /fault\.severity = 0\.5; expected nothing for fault kind "none"/],
    ['unknown fault kind', { fault: { kind: 'cracked' as never } }, /fault\.kind = "cracked"; expected one of "none", "outer-race"/],
    ['load outside 0..1', { load: 1.2 }, /load = 1\.2/],
    ['load steps out of order', { loadSteps: [{ time: 5, load: 0.2 }, { time: 6, load: 0.8 }] }, /loadSteps\[1\]\.time = 6; expected a number in \[7, /],
    ['a resonance without damping', { resonances: [{ hz: 3000, damping: 0 }] }, /resonances\[0\]\.damping = 0/],
    ['no resonance', { resonances: [] }, /resonances = \[\]/],
    ['too many balls', { bearing: { ...BEARINGS['skf-6205'], balls: 100 } }, /bearing\.balls = 100/],
    ['fractional gear teeth', { gearTeeth: 20.5 }, /gearTeeth = 20\.5/],
    ['a name that is not a file name', { name: 'a/b' }, /name = "a\/b"/],
    ['a misspelt option', { shaftHZ: 30 } as MachineOptions, /shaftHZ = 30; expected no such option/],
    ['jitter beyond 10 %', { jitter: 0.2 }, /jitter = 0\.2/],
  ])('refuses %s with a ParameterError', (_, options, message) => {
    expect(() => createMachine(options)).toThrow(ParameterError);
    expect(() => createMachine(options)).toThrow(message);
  });
});
