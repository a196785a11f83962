import { createRandom, ParameterError } from '@sensorkit/dsp';
import { describe, expect, it } from 'vitest';
import type { MachineOptions } from './machine-options.js';
import { createMachine } from './machine-plan.js';
import { MachineSignal } from './machine-signal.js';
import { machineChunks, simulate } from './simulate.js';
import { amplitudeAt } from './test-probes.js';

const RATE = 12800;

/** Machines that exercise every stateful-looking part: drift, load ramps, gear mesh, impacts across chunk edges, growth. */
const BUSY: MachineOptions[] = [
  { seed: 11, drift: 0.01, gearTeeth: 23, loadSteps: [{ time: 0.3, load: 0.9 }], loadRamp: 0.2, fault: { kind: 'outer-race', onset: 0.2, failure: 1.2 } },
  { seed: 12, jitter: 0.05, resonances: [{ hz: 2500, damping: 0.02 }, { hz: 5000, damping: 0.08, gain: 0.5 }], fault: { kind: 'ball', severity: 0.7 } },
  { seed: 13, shaftHz: 47, fault: { kind: 'imbalance', onset: 0.1, failure: 1 } },
  { seed: 14, fault: { kind: 'inner-race', severity: 1 } },
];

describe('MachineSignal', () => {
  it.each(BUSY.map((o, i) => [i, o] as const))('streaming equals batch bit for bit, in chunks of any size (machine %i)', async (_, options) => {
    const plan = createMachine(options);
    const whole = simulate(plan, { sampleRate: RATE, duration: 1.5 }).samples;
    const random = createRandom(99);
    const chunked = new Float32Array(whole.length);
    const signal = new MachineSignal(plan, RATE);
    for (let index = 0; index < whole.length; ) {
      const frames = Math.min(whole.length - index, 1 + Math.floor(random.uniform() * (random.uniform() < 0.2 ? 5 : 3000)));
      signal.fill(chunked.subarray(index), index, frames);
      index += frames;
    }
    expect(chunked).toEqual(whole);
    let streamed = 0;
    for await (const chunk of machineChunks(plan, { sampleRate: RATE, duration: 1.5, chunkFrames: 777 })) {
      expect(chunk.index).toBe(streamed);
      expect(chunk.samples).toEqual(whole.subarray(streamed, streamed + chunk.samples.length));
      streamed += chunk.samples.length;
    }
    expect(streamed).toBe(whole.length);
  });

  it('is pure given the index: a stretch filled out of order, by a fresh instance, equals the batch', () => {
    const plan = createMachine(BUSY[0]);
    const whole = simulate(plan, { sampleRate: RATE, duration: 1.5 }).samples;
    const late = new Float32Array(5000);
    new MachineSignal(plan, RATE).fill(late, 12345, 5000);
    expect(late).toEqual(whole.subarray(12345, 17345));
    expect(simulate(createMachine(BUSY[0]), { sampleRate: RATE, duration: 1.5 }).samples).toEqual(whole);
    expect(simulate(createMachine({ ...BUSY[0], seed: 1 }), { sampleRate: RATE, duration: 1.5 }).samples).not.toEqual(whole);
  });

  it.each(['outer-race', 'imbalance', 'misalignment'] as const)('%s before onset is exactly its healthy twin; after onset it is not', (kind) => {
    const base: MachineOptions = { seed: 21, gearTeeth: 17 };
    const faulty = simulate(createMachine({ ...base, fault: { kind, onset: 0.5, failure: 2 } }), { sampleRate: RATE, duration: 1 }).samples;
    const healthy = simulate(createMachine(base), { sampleRate: RATE, duration: 1 }).samples;
    const onset = 0.5 * RATE;
    expect(faulty.subarray(0, onset)).toEqual(healthy.subarray(0, onset));
    expect(faulty.subarray(onset)).not.toEqual(healthy.subarray(onset));
  });

  // 25 Hz and 2 s put every harmonic on an exact DFT bin; no drift, so the speed is constant.
  const steady: MachineOptions = { seed: 5, shaftHz: 25, drift: 0, harmonics: [0.04, 0.015, 0.008] };
  const lines = (options: MachineOptions): number[] => {
    const { samples } = simulate(createMachine({ ...steady, ...options }), { sampleRate: RATE, duration: 2 });
    return [1, 2, 3, 4].map((h) => amplitudeAt(samples, RATE, 25 * h));
  };

  it('has the healthy 1x/2x/3x amplitudes it was given (g)', () => {
    const [a1, a2, a3, a4] = lines({});
    expect(a1).toBeCloseTo(0.04, 3);
    expect(a2).toBeCloseTo(0.015, 3);
    expect(a3).toBeCloseTo(0.008, 3);
    expect(a4).toBeLessThan(0.001);
  });

  it('imbalance raises 1x by severity x gain and leaves 2x alone', () => {
    const [a1, a2] = lines({ fault: { kind: 'imbalance', severity: 0.6, gain: 0.4 } });
    expect(Math.abs(a1! - (0.04 + 0.6 * 0.4)) / 0.28).toBeLessThan(0.01);
    expect(a2).toBeCloseTo(0.015, 3);
  });

  it('misalignment raises 2x most (2x > 1x), then 3x and 4x', () => {
    const [a1, a2, a3, a4] = lines({ fault: { kind: 'misalignment', severity: 0.5, gain: 0.25 } });
    expect(a2).toBeCloseTo(0.015 + 0.5 * 0.25, 3);
    expect(a1).toBeCloseTo(0.04 + 0.5 * 0.25 * 0.3, 3);
    expect(a3).toBeCloseTo(0.008 + 0.5 * 0.25 * 0.45, 3);
    expect(a4).toBeCloseTo(0.5 * 0.25 * 0.25, 3);
    expect(a2).toBeGreaterThan(a1!);
  });

  it('a gear puts a mesh tone at teeth x fr, scaled by load, with sidebands at +- fr', () => {
    const { samples } = simulate(createMachine({ ...steady, gearTeeth: 31, gearMesh: 0.1, load: 0.9 }), { sampleRate: RATE, duration: 2 });
    const mesh = 0.1 * (0.5 + 0.9);
    expect(amplitudeAt(samples, RATE, 31 * 25)).toBeCloseTo(mesh, 3);
    expect(amplitudeAt(samples, RATE, 30 * 25)).toBeCloseTo(mesh * 0.15, 3);
    expect(amplitudeAt(samples, RATE, 32 * 25)).toBeCloseTo(mesh * 0.15, 3);
    expect(amplitudeAt(samples, RATE, 62 * 25)).toBeCloseTo(mesh * 0.35, 3);
  });

  it('broadband noise has the RMS it was given', () => {
    const { samples } = simulate(createMachine({ seed: 7, harmonics: [0, 0, 0], noise: 0.05 }), { sampleRate: RATE, duration: 10 });
    const rms = Math.sqrt(samples.reduce((sum, v) => sum + v * v, 0) / samples.length);
    expect(Math.abs(rms - 0.05) / 0.05).toBeLessThan(0.01);
  });

  it('refuses a rate whose Nyquist is below a resonance, the gear mesh or the 4x harmonic', () => {
    const plan = createMachine({ resonances: [{ hz: 3000, damping: 0.05 }, { hz: 7000, damping: 0.05 }] });
    expect(() => new MachineSignal(plan, RATE)).toThrow(ParameterError);
    expect(() => simulate(plan, { sampleRate: RATE, duration: 1 })).toThrow(/resonances\[1\]\.hz = 7000; expected a frequency below Nyquist = 6400 Hz/);
    expect(() => new MachineSignal(createMachine({ gearTeeth: 200 }), RATE)).toThrow(/gearTeeth = 200/);
    expect(() => new MachineSignal(createMachine({ shaftHz: 900, resonances: [{ hz: 200, damping: 0.1 }] }), 8000)).toThrow(/sampleRate = 8000/);
    expect(() => simulate(createMachine(), { sampleRate: RATE, duration: -1 })).toThrow(/duration = -1/);
  });
});
