import { describe, expect, it } from 'vitest';
import { f32 } from '../../test/helpers.js';
import { ParameterError } from '../errors.js';
import { bandBins } from './band-powers.js';
import { createSpectralFeaturesPlan, DEFAULT_SPECTRAL_FEATURES, type SpectralFeature } from './spectral-features-plan.js';
import { spectralPeaks } from './spectral-peaks.js';

const base = { sampleRate: 16000, fftSize: 512 };

describe('spectral features plan', () => {
  it('lays out outputs in the order given and rebuilds from its description', () => {
    const plan = createSpectralFeaturesPlan({ ...base, features: ['rolloff', 'bandPowers', 'peaks', 'flux'], bandEdges: [0, 1000, 8000], peaks: 2 });
    expect(plan.names).toEqual(['rolloff', 'band0', 'band1', 'peak1Hz', 'peak1Magnitude', 'peak2Hz', 'peak2Magnitude', 'flux']);
    expect(Array.from(plan.offsets)).toEqual([0, 1, 3, 7]);
    expect(plan.outputLength).toBe(8);
    expect(plan.frequencies[256]).toBe(8000);
    const again = createSpectralFeaturesPlan(plan.description.options);
    expect(again.names).toEqual(plan.names);
    expect(again.description).toEqual(plan.description);
    expect(createSpectralFeaturesPlan(base).features).toEqual(DEFAULT_SPECTRAL_FEATURES);
  });

  it('maps band edges to [lo, hi) bins, the Nyquist bin going to a band that ends at Nyquist', () => {
    const freqs = createSpectralFeaturesPlan({ sampleRate: 16, fftSize: 16 }).frequencies; // 0, 1, ..., 8 Hz
    const b = bandBins(freqs, [0, 2, 2.5, 8]);
    expect(Array.from(b.start)).toEqual([0, 2, 3]);
    expect(Array.from(b.end)).toEqual([2, 3, 9]);
    expect(Array.from(bandBins(freqs, [1, 7]).end)).toEqual([7]);
  });

  it('rejects bad parameters before any processing, naming the argument', () => {
    const bands = (bandEdges: number[]): unknown => createSpectralFeaturesPlan({ ...base, features: ['bandPowers'], bandEdges });
    expect(() => bands([0, 1000, 9000])).toThrow(/spectralFeatures: bandEdges\[2\] = 9000; expected a number in \[0, 8000\] \(Hz, at most Nyquist = 8000 Hz\)/);
    expect(() => bands([0, 2000, 1000])).toThrow(/bandEdges\[2\] = 1000; expected a frequency above bandEdges\[1\] = 2000 Hz \(edges must increase\)/);
    expect(() => bands([0, 1000, 1000])).toThrow(/bandEdges\[2\] = 1000;.*edges must increase/);
    expect(() => bands([-5, 100])).toThrow(/bandEdges\[0\] = -5/);
    expect(() => bands([500])).toThrow(/bandEdges = \[500\]; expected an array of at least 2 increasing frequencies/);
    expect(() => bands([5, 10, 4000])).toThrow(/bandEdges\[0\.\.1\] = \[5,10\]; expected a band containing at least one FFT bin centre \(bins are 31\.25 Hz apart\)/);
    expect(() => createSpectralFeaturesPlan({ ...base, features: ['bandPowers'] })).toThrow(/bandEdges = undefined;.*feature "bandPowers" needs it/);
    for (const rolloffFraction of [0, 1, 1.5, -0.1, NaN]) {
      expect(() => createSpectralFeaturesPlan({ ...base, rolloffFraction })).toThrow(/rolloffFraction = .*; expected a number in \(0, 1\)/);
    }
    expect(() => createSpectralFeaturesPlan({ ...base, peaks: 0 })).toThrow(/spectralFeatures: peaks = 0; expected an integer in 1\.\.256/);
    expect(() => createSpectralFeaturesPlan({ ...base, peaks: 2.5 })).toThrow(/peaks = 2\.5/);
    expect(() => createSpectralFeaturesPlan({ ...base, fftSize: 500 })).toThrow(/spectralFeatures: fftSize = 500; expected a power of two in 2\.\.65536/);
    expect(() => createSpectralFeaturesPlan({ ...base, sampleRate: 0 })).toThrow(/sampleRate = 0; expected a finite number > 0/);
    expect(() => createSpectralFeaturesPlan({ ...base, features: [] })).toThrow(/features = \[\]; expected a non-empty array/);
    expect(() => createSpectralFeaturesPlan({ ...base, features: ['centroid', 'zcr' as SpectralFeature] })).toThrow(/features\[1\] = "zcr"; expected one of "centroid"/);
    expect(() => createSpectralFeaturesPlan({ ...base, features: ['crest', 'crest'] })).toThrow(/features\[1\] = "crest".*duplicate/);
    expect(() => createSpectralFeaturesPlan({ ...base, bandScale: 'log' as 'db' })).toThrow(/bandScale = "log"; expected one of "linear", "db"/);
    expect(() => createSpectralFeaturesPlan({ ...base, powerFloor: 0 })).toThrow(/powerFloor = 0/);
    expect(() => createSpectralFeaturesPlan({ ...base, rollofFraction: 0.9 } as never)).toThrow(/rollofFraction = 0\.9; expected no such option/);
    expect(() => createSpectralFeaturesPlan({ ...base, fftSize: 3 })).toThrow(ParameterError);
  });
});

describe('spectral peaks', () => {
  const run = (magnitude: number[], k: number, binHz = 1): number[] => {
    const out = new Float64Array(2 * k).fill(NaN);
    spectralPeaks(Float64Array.from(f32(magnitude)), magnitude.length, binHz, out);
    return Array.from(out);
  };

  it('ranks local maxima by interpolated magnitude and pads missing ones with zeros', () => {
    // peaks at bins 2 (symmetric: exact) and 5 (a = 1, b = 3, c = 2: p = -0.5 / -3 = 1/6)
    const got = run([0, 1, 4, 1, 1, 3, 2, 0, 0], 3, 10);
    expect(got[0]).toBe(20);
    expect(got[1]).toBe(4);
    expect(got[2]).toBeCloseTo(10 * (5 + 1 / 6), 12);
    expect(got[3]).toBeCloseTo(3 + 0.25 * (1 / 6), 12);
    expect(got.slice(4)).toEqual([0, 0]);
  });

  it('keeps only the K largest, ties going to the lower frequency, and skips DC, Nyquist and plateaus', () => {
    expect(run([9, 0, 2, 0, 5, 0, 2, 0, 9], 2)).toEqual([4, 5, 2, 2]);
    expect(run([0, 3, 3, 0, 0], 1)).toEqual([1.5, 3.375]); // first bin of a plateau, vertex half-way
    expect(run([5, 4, 3, 2, 1], 2)).toEqual([0, 0, 0, 0]);
  });
});
