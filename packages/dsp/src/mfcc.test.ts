import { describe, expect, it } from 'vitest';
import { f32, loadGolden, snrDb } from '../test/helpers.js';
import { createFramingPlan, frameSignal } from './framing.js';
import { createLogMelPlan, logMel } from './log-mel.js';
import { createMfccPlan, mfcc, type MfccOptions } from './mfcc.js';

interface GoldenCase {
  options: Required<MfccOptions> & { hop: number };
  logMel: number[];
  mfcc: number[];
  frames: number;
}

function run<P>(plan: P, frames: Float32Array[], width: number, core: (p: P, f: Float32Array, o: Float32Array) => void): Float32Array {
  const out = new Float32Array(frames.length * width);
  frames.forEach((f, i) => core(plan, f, out.subarray(i * width, (i + 1) * width)));
  return out;
}

describe('log-mel and MFCC', () => {
  const golden = loadGolden<{ signal: number[]; cases: GoldenCase[] }>('mfcc');
  const signal = f32(golden.signal);

  it.each(golden.cases.map((c, i) => [i, c.options.window, c.options.spectrum, c.options.triangles, c.options.dct, c] as const))(
    'case %i (%s window, %s spectrum, %s triangles, %s DCT) matches the numpy/scipy reference',
    (_i, _w, _s, _t, _d, c) => {
      const { hop, ...options } = c.options;
      const frames = frameSignal(createFramingPlan({ length: options.frameLength, hop }), signal);
      expect(frames.length).toBe(c.frames);
      const { coefficients: _c, dct: _d2, lifter: _l, firstCoefficient: _f, ...melOptions } = options;
      const lm = createLogMelPlan({ ...melOptions, log: 'ln' });
      // Float32 spectrum and filterbank against a float64 reference: log energies keep > 100 dB SNR.
      expect(snrDb(c.logMel, run(lm, frames, options.bands, logMel))).toBeGreaterThan(100);
      const plan = createMfccPlan({ ...options, log: 'ln' });
      expect(snrDb(c.mfcc, run(plan, frames, options.coefficients, mfcc))).toBeGreaterThan(100);
    },
  );

  it('reproduces the MLPerf Tiny KWS front end: 49 x 10 MFCCs for a 1 s clip', () => {
    const g = loadGolden<{ signal: number[]; mfcc: number[]; shape: [number, number] }>('mlperf-kws');
    const plan = createMfccPlan({
      sampleRate: 16000, frameLength: 480, fftSize: 512, window: 'hann', spectrum: 'magnitude', bands: 40, fMin: 20, fMax: 4000,
      scale: 'htk', triangles: 'mel', log: 'ln', logOffset: 1e-6, coefficients: 10, dct: 'tensorflow',
    });
    const frames = frameSignal(createFramingPlan({ length: 480, hop: 320 }), f32(g.signal));
    expect([frames.length, 10]).toEqual(g.shape);
    expect(snrDb(g.mfcc, run(plan, frames, 10, mfcc))).toBeGreaterThan(100);
  });

  it('writes nothing past the output and does not touch its input', () => {
    const plan = createMfccPlan({ sampleRate: 16000, frameLength: 400, fftSize: 512, coefficients: 13 });
    const frame = new Float32Array(400).map((_, i) => Math.sin(i / 3));
    const copy = frame.slice();
    const out = new Float32Array(14).fill(12345);
    mfcc(plan, frame, out);
    expect(out[13]).toBe(12345);
    expect(Array.from(frame)).toEqual(Array.from(copy));
  });

  it('gives finite coefficients for digital silence', () => {
    const plan = createMfccPlan({ sampleRate: 16000, frameLength: 512, coefficients: 13 });
    const out = new Float32Array(13);
    mfcc(plan, new Float32Array(512), out);
    expect(out.every(Number.isFinite)).toBe(true);
  });

  it('rejects impossible options before any processing', () => {
    const ok = { sampleRate: 16000 };
    expect(() => createMfccPlan({ ...ok, coefficients: 50, bands: 40 })).toThrow(/mfcc: coefficients = 50; expected an integer in 1\.\.40 \(at most bands = 40\)/);
    expect(() => createMfccPlan({ ...ok, frameLength: 600, fftSize: 512 })).toThrow(/mfcc: frameLength = 600; expected an integer in 1\.\.512/);
    expect(() => createMfccPlan({ ...ok, fftSize: 300 })).toThrow(/mfcc: fftSize = 300; expected a power of two/);
    expect(() => createMfccPlan({ ...ok, fMax: 12000 })).toThrow(/fMax = 12000.*Nyquist = 8000 Hz/);
    expect(() => createMfccPlan({ ...ok, log: 'none' })).toThrow(/mfcc: log = "none"/);
    expect(() => createMfccPlan({ ...ok, logOffset: 0, logFloor: 0 })).toThrow(/logFloor = 0/);
    expect(() => createMfccPlan({ ...ok, coefficents: 10 } as MfccOptions)).toThrow(/mfcc: coefficents = 10; expected no such option/);
  });
});
