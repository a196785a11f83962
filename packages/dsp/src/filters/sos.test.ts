import { describe, expect, it } from 'vitest';
import { f32, loadGolden, maxRelativeError, rng } from '../../test/helpers.js';
import { ParameterError } from '../errors.js';
import { createButterworthPlan } from './butterworth.js';
import { createSosPlan, SosFilter, sosSteadyState } from './sos.js';

/** Feeds `signal` to `filter` in chunks of random sizes (whole frames), as a stream would. */
function processChunked(filter: { process(i: Float32Array, o: Float32Array): void }, signal: Float32Array, channels: number, seed: number): Float32Array {
  const next = rng(seed);
  const out = new Float32Array(signal.length);
  for (let at = 0; at < signal.length; ) {
    const n = Math.min(signal.length - at, channels * (1 + Math.floor(next() * 300)));
    filter.process(signal.subarray(at, at + n), out.subarray(at, at + n));
    at += n;
  }
  return out;
}

describe('SOS cascade', () => {
  const golden = loadGolden<{ signal: number[]; bandpassZi: number[] }>('filters_filtfilt');
  const signal = f32(golden.signal);
  const plan = createButterworthPlan({ type: 'bandpass', order: 3, sampleRate: 16000, cutoff: [300, 3400] });

  it('streams bit-identically to one whole-signal call under random chunking', () => {
    const batch = new Float32Array(signal.length);
    new SosFilter(plan).process(signal, batch);
    for (const seed of [1, 2, 3, 4]) expect(processChunked(new SosFilter(plan), signal, 1, seed)).toEqual(batch);
  });

  it('keeps independent state per interleaved channel', () => {
    const left = signal;
    const right = signal.map((v, i) => v * 0.5 + Math.sin(i / 7));
    const stereo = new Float32Array(2 * signal.length);
    for (let i = 0; i < signal.length; i++) {
      stereo[2 * i] = left[i]!;
      stereo[2 * i + 1] = right[i]!;
    }
    const mono = (x: Float32Array): Float32Array => {
      const y = new Float32Array(x.length);
      new SosFilter(plan).process(x, y);
      return y;
    };
    const out = processChunked(new SosFilter(plan, 2), stereo, 2, 9);
    expect(out.filter((_, i) => i % 2 === 0)).toEqual(mono(left));
    expect(out.filter((_, i) => i % 2 === 1)).toEqual(mono(right));
  });

  it('filters in place, writes nothing past the input, and restarts cleanly after reset()', () => {
    const filter = new SosFilter(plan);
    const expected = new Float32Array(100);
    filter.process(signal.subarray(0, 100), expected);
    filter.reset();
    const buffer = new Float32Array(101).fill(7);
    buffer.set(signal.subarray(0, 100));
    filter.process(buffer.subarray(0, 100), buffer.subarray(0, 100));
    expect(buffer.subarray(0, 100)).toEqual(expected);
    expect(buffer[100]).toBe(7);
  });

  it('steady state equals scipy.signal.sosfilt_zi, and a step started there stays flat', () => {
    const zi = sosSteadyState(plan);
    expect(maxRelativeError(golden.bandpassZi, zi, 1e-6)).toBeLessThan(1e-10);
    const lowpass = createButterworthPlan({ type: 'lowpass', order: 5, sampleRate: 100, cutoff: 3 });
    const filter = new SosFilter(lowpass);
    filter.setState(sosSteadyState(lowpass).map((v) => v * 2.5));
    const out = new Float64Array(50);
    filter.process(new Float64Array(50).fill(2.5), out);
    for (const v of out) expect(v).toBeCloseTo(2.5, 12);
  });

  it('wraps external coefficients and rejects malformed ones', () => {
    const raw = [0.2, 0.4, 0.2, 1, -0.3, 0.1];
    const own = createSosPlan({ sampleRate: 50, sections: raw });
    expect(own.sectionCount).toBe(1);
    expect(Array.from(own.sections)).toEqual(raw);
    expect(own.description.options).toEqual({ sampleRate: 50, sections: raw });
    expect(() => createSosPlan({ sampleRate: 50, sections: [1, 0, 0, 1, 0] })).toThrow(/sos: sections\.length = 5; expected .*multiple of 6/);
    expect(() => createSosPlan({ sampleRate: 50, sections: [] })).toThrow(ParameterError);
    expect(() => createSosPlan({ sampleRate: 50, sections: [1, 0, 0, 2, 0, 0] })).toThrow(/sections\[3\] = 2; expected a0 = 1/);
    expect(() => createSosPlan({ sampleRate: 50, sections: [1, NaN, 0, 1, 0, 0] })).toThrow(/sections\[1\] = NaN/);
    expect(() => createSosPlan({ sampleRate: 0, sections: raw })).toThrow(/sampleRate = 0/);
  });
});
