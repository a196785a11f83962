import { readFileSync } from 'node:fs';
import FFT from 'fft.js';
import { describe, expect, it } from 'vitest';
import { loadGolden, maxRelativeError, rng, snrDb } from '../test/helpers.js';
import { ParameterError } from './errors.js';
import {
  binFrequency,
  complexFft,
  createFftPlan,
  inverseComplexFft,
  inverseRealFft,
  magnitudeSpectrum,
  powerSpectrum,
  realFft,
} from './fft.js';
import { codeletSource, CODELETS_PATH } from './fft/generate-codelets.js';

interface RealCase {
  name: string;
  size: number;
  input: number[];
  spectrum: number[];
}

interface ComplexCase {
  name: string;
  size: number;
  re: number[];
  im: number[];
  outRe: number[];
  outIm: number[];
}

const golden = loadGolden<{ real: RealCase[]; complex: ComplexCase[] }>('fft');
const realCases = [...golden.real, ...loadGolden<{ real: RealCase[] }>('fft-4096').real];
const SIZES = Array.from({ length: 16 }, (_, i) => 2 << i); // 2 .. 65536

function noise(n: number, seed: number): Float32Array {
  const next = rng(seed);
  return Float32Array.from({ length: n }, () => 2 * next() - 1);
}

function powerOf(spectrum: ArrayLike<number>): number[] {
  return Array.from({ length: spectrum.length / 2 }, (_, k) => spectrum[2 * k]! ** 2 + spectrum[2 * k + 1]! ** 2);
}

/** fft.js's full-precision half spectrum of a real frame, the independent cross-check. */
function fftJsSpectrum(x: Float32Array): number[] {
  const f = new FFT(x.length);
  const out = f.createComplexArray() as number[];
  f.realTransform(out, x);
  f.completeSpectrum(out);
  return out.slice(0, x.length + 2);
}

describe('fft against numpy (float64 engine, float32 output: > 100 dB asked, ~150 dB is float32 rounding)', () => {
  it.each(realCases.map((c) => [c.name, c] as const))('realFft, powerSpectrum, magnitudeSpectrum: %s', (_name, c) => {
    const plan = createFftPlan({ size: c.size });
    const input = Float32Array.from(c.input);
    const spectrum = new Float32Array(2 * plan.bins);
    realFft(plan, input, spectrum);
    expect(snrDb(c.spectrum, spectrum)).toBeGreaterThan(130);

    const refPower = powerOf(c.spectrum);
    const power = new Float32Array(plan.bins);
    powerSpectrum(plan, input, power);
    expect(snrDb(refPower, power)).toBeGreaterThan(130);

    const magnitude = new Float32Array(plan.bins);
    magnitudeSpectrum(plan, input, magnitude);
    expect(snrDb(refPower.map(Math.sqrt), magnitude)).toBeGreaterThan(130);
  });

  it('keeps weak bins accurate next to a tone 80 dB louder (bin by bin, not only in SNR)', () => {
    const c = realCases.find((g) => g.name.startsWith('80 dB'))!;
    const plan = createFftPlan({ size: c.size });
    const power = new Float32Array(plan.bins);
    powerSpectrum(plan, Float32Array.from(c.input), power);
    const ref = powerOf(c.spectrum);
    const floor = 1e-10 * Math.max(...ref); // every bin within 100 dB of the peak, the weak tone included
    // float32 output rounding allows 6e-8; 1e-6 catches a cancellation that loses the weak bins' digits.
    expect(maxRelativeError(ref, power, floor)).toBeLessThan(1e-6);
  });

  it.each(golden.complex.map((c) => [c.name, c] as const))('complexFft: %s', (_name, c) => {
    const plan = createFftPlan({ size: c.size });
    const outRe = new Float64Array(c.size);
    const outIm = new Float64Array(c.size);
    // inputs are float32 values: round them to float32 first, as numpy did
    complexFft(plan, Float64Array.from(Float32Array.from(c.re)), Float64Array.from(Float32Array.from(c.im)), outRe, outIm);
    expect(snrDb([...c.outRe, ...c.outIm], [...outRe, ...outIm])).toBeGreaterThan(180);
  });
});

describe('fft against fft.js on random frames', () => {
  it.each(SIZES)('realFft and powerSpectrum agree with fft.js at size %i', (size) => {
    const plan = createFftPlan({ size });
    const x = noise(size, size);
    const ref = fftJsSpectrum(x);
    const spectrum = new Float32Array(2 * plan.bins);
    realFft(plan, x, spectrum);
    expect(snrDb(ref, spectrum)).toBeGreaterThan(130);
    const power = new Float32Array(plan.bins);
    powerSpectrum(plan, x, power);
    expect(snrDb(powerOf(ref), power)).toBeGreaterThan(130);
  });

  it.each([2, 8, 16, 32, 512, 4096, 65536])('complexFft agrees with fft.js transform at size %i', (size) => {
    const plan = createFftPlan({ size });
    const re = noise(size, 1);
    const im = noise(size, 2);
    const f = new FFT(size);
    const ref = f.createComplexArray() as number[];
    f.transform(ref, Array.from({ length: 2 * size }, (_, i) => (i % 2 === 0 ? re[i / 2]! : im[(i - 1) / 2]!)));
    const outRe = new Float32Array(size);
    const outIm = new Float32Array(size);
    complexFft(plan, re, im, outRe, outIm);
    const ours = Array.from({ length: 2 * size }, (_, i) => (i % 2 === 0 ? outRe[i / 2]! : outIm[(i - 1) / 2]!));
    expect(snrDb(ref, ours)).toBeGreaterThan(130);
  });
});

describe('inverse transforms', () => {
  it.each(SIZES)('inverseRealFft(realFft(x)) = x at size %i', (size) => {
    const plan = createFftPlan({ size });
    const x = noise(size, 3 * size);
    const spectrum = new Float32Array(2 * plan.bins);
    realFft(plan, x, spectrum);
    const back = new Float32Array(size);
    inverseRealFft(plan, spectrum, back);
    // the float32 spectrum in between bounds this near float32 precision
    expect(snrDb(x, back)).toBeGreaterThan(125);
  });

  it('inverseRealFft ignores the imaginary parts of DC and Nyquist, as numpy irfft does', () => {
    const plan = createFftPlan({ size: 64 });
    const spectrum = new Float32Array(2 * plan.bins);
    realFft(plan, noise(64, 9), spectrum);
    const a = new Float32Array(64);
    inverseRealFft(plan, spectrum, a);
    spectrum[1] = 5;
    spectrum[2 * plan.bins - 1] = -7;
    const b = new Float32Array(64);
    inverseRealFft(plan, spectrum, b);
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it.each([8, 64, 1024])('complexFft gives the same result for float32, float64 and mixed arrays at size %i', (size) => {
    const plan = createFftPlan({ size });
    const re = noise(size, 11);
    const im = noise(size, 12);
    const [a, b] = [new Float64Array(size), new Float64Array(size)];
    complexFft(plan, Float64Array.from(re), Float64Array.from(im), a, b);
    const [c, d] = [new Float32Array(size), new Float64Array(size)];
    complexFft(plan, re, Float64Array.from(im), c, d);
    expect(snrDb([...a, ...b], [...c, ...d])).toBeGreaterThan(130); // c is float32
    const [e, f] = [re.slice(), im.slice()];
    complexFft(plan, e, f, e, f);
    expect(Array.from(e)).toEqual(Array.from(c));
    expect(Array.from(f)).toEqual(Array.from(Float32Array.from(d)));
  });

  it.each(SIZES)('inverseComplexFft(complexFft(z)) = z in place at size %i (float64 arrays)', (size) => {
    const plan = createFftPlan({ size });
    const re = Float64Array.from(noise(size, 4));
    const im = Float64Array.from(noise(size, 5));
    const [re0, im0] = [re.slice(), im.slice()];
    complexFft(plan, re, im, re, im);
    inverseComplexFft(plan, re, im, re, im);
    expect(snrDb([...re0, ...im0], [...re, ...im])).toBeGreaterThan(250);
  });
});

describe('fft buffers and state', () => {
  it.each([2, 4, 8, 16, 32, 64, 128, 512, 1024])('writes nothing past the output it owns at size %i', (size) => {
    const plan = createFftPlan({ size });
    const x = noise(size, 6);
    const sentinel = -12345;
    const check = (length: number, run: (out: Float32Array) => void): void => {
      const out = new Float32Array(length + 8).fill(sentinel);
      run(out);
      expect(Array.from(out.subarray(length))).toEqual(new Array(8).fill(sentinel));
      expect(out.subarray(0, length).includes(sentinel)).toBe(false);
    };
    check(2 * plan.bins, (out) => realFft(plan, x, out));
    check(plan.bins, (out) => powerSpectrum(plan, x, out));
    check(plan.bins, (out) => magnitudeSpectrum(plan, x, out));
    const spectrum = new Float32Array(2 * plan.bins);
    realFft(plan, x, spectrum);
    check(size, (out) => inverseRealFft(plan, spectrum, out));
    check(size, (out) => complexFft(plan, x, x, out, new Float32Array(size)));
  });

  it('leaves its input untouched and gives the same answer on every call (scratch reuse)', () => {
    const plan = createFftPlan({ size: 512 });
    const other = createFftPlan({ size: 512 });
    const x = noise(512, 8);
    const copy = x.slice();
    const first = new Float32Array(plan.bins);
    powerSpectrum(plan, x, first);
    powerSpectrum(other, noise(512, 99), new Float32Array(other.bins));
    realFft(plan, noise(512, 10), new Float32Array(2 * plan.bins));
    const again = new Float32Array(plan.bins);
    powerSpectrum(plan, x, again);
    expect(Array.from(again)).toEqual(Array.from(first));
    expect(Array.from(x)).toEqual(Array.from(copy));
  });

  it('propagates NaN samples instead of throwing (cores never validate; operators do)', () => {
    const plan = createFftPlan({ size: 16 });
    const x = new Float32Array(16);
    x[5] = NaN;
    const power = new Float32Array(plan.bins);
    powerSpectrum(plan, x, power);
    expect(power.every(Number.isNaN)).toBe(true);
  });

  it('describes itself and maps bins to Hz', () => {
    const plan = createFftPlan({ size: 512 });
    expect(plan.description).toEqual({ block: 'fft', version: 2, options: { size: 512 } });
    expect(plan.bins).toBe(257);
    expect(binFrequency(plan, 256, 16000)).toBe(8000);
    expect(binFrequency(plan, 1, 16000)).toBe(31.25);
  });
});

describe('fft plan options', () => {
  it.each([0, 1, 3, 100, 131072, NaN, 2.5, -8, '512', undefined])('rejects size = %s with a ParameterError', (size) => {
    expect(() => createFftPlan({ size: size as number })).toThrow(ParameterError);
    expect(() => createFftPlan({ size: size as number })).toThrow(/^fft: size = .*; expected a power of two in 2\.\.65536$/);
  });

  it('names a misspelt option', () => {
    expect(() => createFftPlan({ size: 512, sise: 256 } as never)).toThrow(/fft: sise = 256; expected no such option; known: size/);
  });
});

describe('generated codelets', () => {
  it('codelets.gen.ts is what generate-codelets.ts produces (regenerate after editing the generator)', () => {
    expect(readFileSync(CODELETS_PATH, 'utf8')).toBe(codeletSource());
  });
});
