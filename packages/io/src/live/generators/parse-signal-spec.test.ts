import { describe, expect, it } from 'vitest';
import { ParameterError } from '@sensorkit/dsp';
import { parseSignalSpec } from './parse-signal-spec.js';
import { createSignalPlan } from './signal-plan.js';

describe('parseSignalSpec', () => {
  it('parses the example from the issue: a sum of terms', () => {
    expect(parseSignalSpec('sine:440*0.5+white:0.1+chirp:100-4000/2')).toEqual([
      { type: 'sine', frequency: 440, amplitude: 0.5 },
      { type: 'white', amplitude: 0.1, distribution: 'gaussian' },
      { type: 'chirp', f0: 100, f1: 4000, duration: 2, method: 'linear', amplitude: 1 },
    ]);
  });

  it('parses every term form: phases, log sweeps, levels, seeds, jitter, gains', () => {
    expect(parseSignalSpec('sine:50@-90')).toEqual({ type: 'sine', frequency: 50, amplitude: 1, phase: -90 });
    expect(parseSignalSpec('logchirp:20-8000/5@45*0.25')).toEqual({ type: 'chirp', f0: 20, f1: 8000, duration: 5, method: 'logarithmic', amplitude: 0.25, phase: 45 });
    expect(parseSignalSpec('white')).toEqual({ type: 'white', amplitude: 1, distribution: 'gaussian' });
    expect(parseSignalSpec('uniform:0.5#7*2')).toEqual({ type: 'white', amplitude: 1, distribution: 'uniform', seed: 7 });
    expect(parseSignalSpec('pink:1e-2#3')).toEqual({ type: 'pink', amplitude: 0.01, seed: 3 });
    expect(parseSignalSpec('impulse:10~0.002#9*0.8')).toEqual({ type: 'impulse', rate: 10, amplitude: 0.8, jitter: 0.002, seed: 9 });
    expect(parseSignalSpec('impulse:2.5')).toEqual({ type: 'impulse', rate: 2.5, amplitude: 1 });
  });

  it('reads an exponent sign as part of its number, not as a "+"', () => {
    expect(parseSignalSpec('sine:1e+3 + white:5e-2')).toEqual([
      { type: 'sine', frequency: 1000, amplitude: 1 },
      { type: 'white', amplitude: 0.05, distribution: 'gaussian' },
    ]);
  });

  it('gives one spec per comma-separated channel', () => {
    expect(parseSignalSpec('sine:100, sine:200+pink:0.1')).toEqual({
      perChannel: [
        { type: 'sine', frequency: 100, amplitude: 1 },
        [
          { type: 'sine', frequency: 200, amplitude: 1 },
          { type: 'pink', amplitude: 0.1 },
        ],
      ],
    });
  });

  it('names the bad token and the form it should have', () => {
    expect(() => parseSignalSpec('sine:440+sinx:3')).toThrow(ParameterError);
    expect(() => parseSignalSpec('sine:440+sinx:3')).toThrow(
      'generator spec: term = "sinx:3"; expected a term name: one of sine, chirp, logchirp, white, uniform, pink, impulse (in "sine:440+sinx:3")',
    );
    expect(() => parseSignalSpec('chirp:100-4000')).toThrow(
      'generator spec: term = "chirp:100-4000"; expected chirp:F0-F1/SECONDS[@PHASE] (Hz, Hz, s, degrees), e.g. chirp:100-4000/2 (in "chirp:100-4000")',
    );
    expect(() => parseSignalSpec('sine:440*x')).toThrow('term = "sine:440*x"; expected a number after "*", got "x"');
    expect(() => parseSignalSpec('sine:440#2')).toThrow('only noise and impulse terms take a #SEED');
    expect(() => parseSignalSpec('sine:440++white')).toThrow('term = ""; expected a term between separators');
    expect(() => parseSignalSpec('white:abc')).toThrow('term = "white:abc"; expected white[:RMS], e.g. white:0.1');
    expect(() => parseSignalSpec(' ')).toThrow('generator spec: signal = " "; expected a spec such as');
  });

  it('leaves ranges to the plan, which names the term', () => {
    expect(() => createSignalPlan(parseSignalSpec('white:0.1+sine:9000'), { sampleRate: 16000 })).toThrow(
      'generator: term 2 (sine).frequency = 9000; expected a number in [0, 8000] (Hz, at most Nyquist = 8000 Hz)',
    );
    expect(() => createSignalPlan(parseSignalSpec('logchirp:0-100/1'), { sampleRate: 16000 })).toThrow('generator: term 1 (chirp).f0 = 0; expected a number in (0, 8000]');
    expect(() => createSignalPlan(parseSignalSpec('impulse:10~0.05'), { sampleRate: 1000 })).toThrow('generator: term 1 (impulse).jitter = 0.05; expected a number in [0, 0.05) (s, below half the period)');
  });
});

describe('createSignalPlan', () => {
  it('resolves defaults and one seed per channel and term into a versioned description', () => {
    const plan = createSignalPlan({ type: 'white' }, { sampleRate: 8000, channels: 2 });
    expect(plan.description.block).toBe('generator');
    expect(plan.description.version).toBe(1);
    const [left, right] = plan.perChannel.map((terms) => terms[0]!);
    expect(left).toMatchObject({ type: 'white', amplitude: 1, distribution: 'gaussian' });
    expect(left).not.toEqual(right);
  });

  it('refuses unknown fields, wrong channel counts and empty sums', () => {
    expect(() => createSignalPlan({ type: 'sine', frequency: 1, freq: 2 } as never, { sampleRate: 100 })).toThrow('generator term 1 (sine): freq = 2; expected no such option');
    expect(() => createSignalPlan({ perChannel: [{ type: 'pink' }] }, { sampleRate: 100, channels: 2 })).toThrow('generator: channels = 2; expected 1, the number of perChannel specs');
    expect(() => createSignalPlan([], { sampleRate: 100 })).toThrow('generator: channel 0 = []; expected at least one term');
    expect(() => createSignalPlan({ type: 'saw' } as never, { sampleRate: 100 })).toThrow('generator: term 1 type = "saw"; expected one of "sine", "chirp", "white", "pink", "impulse"');
  });
});
