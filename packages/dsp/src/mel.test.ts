import { describe, expect, it } from 'vitest';
import { loadGolden, maxRelativeError, snrDb } from '../test/helpers.js';
import { applyMel, createMelPlan, hzToMel, melMatrix, melToHz, type MelOptions } from './mel.js';

interface GoldenBank extends Required<Omit<MelOptions, 'fftSize'>> {
  fftSize: number;
  rows: [number, number[]][];
}

describe('mel filterbank', () => {
  const banks = loadGolden<{ banks: GoldenBank[] }>('mel-banks').banks;

  it.each(banks.map((b) => [b.scale, b.triangles, b.norm, b.sampleRate, b.fftSize, b.bands, b] as const))(
    'matches the reference for scale %s, triangles over %s, norm %s (%i Hz, FFT %i, %i bands)',
    (_s, _t, _n, _r, _f, _b, bank) => {
      const { rows, ...options } = bank;
      const plan = createMelPlan(options);
      const bins = bank.fftSize / 2 + 1;
      const expected = new Float64Array(bank.bands * bins);
      rows.forEach(([start, values], b) => values.forEach((v, i) => (expected[b * bins + start + i] = v)));
      const actual = melMatrix(plan);
      // Weights are stored as float32: agreement is float32 rounding of the double-precision reference.
      expect(snrDb(expected, actual)).toBeGreaterThan(130);
      expect(maxRelativeError(expected, actual, 1e-3)).toBeLessThan(1e-6);
    },
  );

  it('applies the sparse bank exactly as the dense matrix product', () => {
    const plan = createMelPlan({ sampleRate: 16000, fftSize: 512, bands: 40, fMin: 20, fMax: 4000 });
    const spectrum = new Float32Array(257).map((_, k) => Math.sin(k) ** 2 + 0.1);
    const out = new Float32Array(41).fill(-1);
    applyMel(plan, spectrum, out);
    const dense = melMatrix(plan);
    for (let b = 0; b < 40; b++) {
      let acc = 0;
      for (let k = 0; k < 257; k++) acc += dense[b * 257 + k]! * spectrum[k]!;
      expect(out[b]).toBeCloseTo(acc, 5);
    }
    expect(out[40]).toBe(-1); // nothing written past the bands
  });

  it('round-trips Hz <-> mel on both scales', () => {
    for (const scale of ['htk', 'slaney'] as const) {
      for (const hz of [0, 20, 700, 999.9, 1000, 4000, 24000]) expect(melToHz(hzToMel(hz, scale), scale)).toBeCloseTo(hz, 6);
    }
    expect(hzToMel(1000, 'slaney')).toBeCloseTo(15, 12);
    expect(hzToMel(700, 'htk')).toBeCloseTo(2595 * Math.log10(2), 12);
  });

  it('rejects band edges outside 0..Nyquist and impossible shapes', () => {
    const ok = { sampleRate: 16000, fftSize: 512 };
    expect(() => createMelPlan({ ...ok, fMax: 9000 })).toThrow(/mel: fMax = 9000; expected a number in \(0, 8000\] \(Hz, at most Nyquist = 8000 Hz\)/);
    expect(() => createMelPlan({ ...ok, fMin: 4000, fMax: 3000 })).toThrow(/fMax = 3000; expected a frequency above fMin = 4000 Hz/);
    expect(() => createMelPlan({ ...ok, fftSize: 500 })).toThrow(/fftSize = 500; expected a power of two/);
    expect(() => createMelPlan({ ...ok, sampleRate: -16000 })).toThrow(/sampleRate = -16000; expected a finite number > 0/);
    expect(() => createMelPlan({ ...ok, bands: 0 })).toThrow(/bands = 0/);
    expect(() => createMelPlan({ ...ok, scale: 'bark' as 'htk' })).toThrow(/scale = "bark"/);
  });
});
