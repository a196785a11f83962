import FFT from 'fft.js';
import { describe, expect, it } from 'vitest';
import { loadGolden, rng, snrDb } from '../../test/helpers.js';
import { inverseReal, RealCore, realSpectrum } from './real-core.js';

/*
 * The double-precision real path (the envelope blocks use it): a float32 or float64 frame in, the half
 * spectrum out as float64, and its inverse on float64 arrays. With no float32 rounding at either end it
 * must agree with numpy and fft.js to double precision, not the ~150 dB of the float32 API.
 */

const SIZES = Array.from({ length: 16 }, (_, i) => 2 << i); // 2 .. 65536

function noise64(n: number, seed: number): Float64Array {
  const next = rng(seed);
  return Float64Array.from({ length: n }, () => 2 * next() - 1);
}

/** fft.js's half spectrum (double precision throughout), the independent cross-check. */
function fftJsSpectrum(x: Float64Array): number[] {
  const f = new FFT(x.length);
  const out = f.createComplexArray() as number[];
  f.realTransform(out, x);
  f.completeSpectrum(out);
  return out.slice(0, x.length + 2);
}

describe('real FFT to float64', () => {
  const golden = loadGolden<{ real: { name: string; size: number; input: number[]; spectrum: number[] }[] }>('fft');

  it.each(golden.real.map((c) => [c.name, c] as const))('matches numpy rfft past float32 precision: %s', (_name, c) => {
    const out = new Float64Array(c.size + 2);
    realSpectrum(new RealCore(c.size), Float32Array.from(c.input), out);
    // the golden file keeps 10 digits (~200 dB); a float32 spectrum would stop near 150 dB
    expect(snrDb(c.spectrum, out)).toBeGreaterThan(180);
  });

  it.each(SIZES)('reads a float64 frame at its full precision (fft.js cross-check) at size %i', (size) => {
    const x = noise64(size, size);
    const out = new Float64Array(size + 2);
    realSpectrum(new RealCore(size), x, out);
    expect(snrDb(fftJsSpectrum(x), out)).toBeGreaterThan(250);
  });

  it.each([2, 8, 32, 64, 512, 16384])('gives the float32 frame and its float64 copy the same spectrum, bit for bit, at size %i', (size) => {
    const x = Float32Array.from(noise64(size, 7));
    const core = new RealCore(size);
    const a = new Float64Array(size + 2);
    const b = new Float64Array(size + 2);
    realSpectrum(core, x, a);
    realSpectrum(core, Float64Array.from(x), b);
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it.each([2, 4, 16, 32, 64, 1024])('writes exactly size + 2 values at size %i', (size) => {
    const out = new Float64Array(size + 10).fill(-12345);
    realSpectrum(new RealCore(size), noise64(size, 3), out);
    expect(Array.from(out.subarray(size + 2))).toEqual(new Array(8).fill(-12345));
    expect(out.subarray(0, size + 2).includes(-12345)).toBe(false);
    expect([out[1], out[size + 1]]).toEqual([0, 0]);
  });
});

describe('inverse real FFT on float64', () => {
  it.each(SIZES)('inverseReal(realSpectrum(x)) = x to double precision at size %i', (size) => {
    const core = new RealCore(size);
    const x = noise64(size, 5 * size);
    const spectrum = new Float64Array(size + 2);
    realSpectrum(core, x, spectrum);
    const back = new Float64Array(size + 2).fill(-12345);
    inverseReal(core, spectrum, back);
    expect(snrDb(x, back.subarray(0, size))).toBeGreaterThan(250);
    expect([back[size], back[size + 1]]).toEqual([-12345, -12345]);
  });
});
