import { describe, expect, it } from 'vitest';
import { f32, loadGolden, randomChunks, runOperator, wholeChunk } from '../test/helpers.js';
import { createFeatureSetPlan, FeatureSetExtractor } from './feature-set.js';
import { createFramingPlan, frameSignal } from './framing.js';
import { createLogMelPlan, logMel } from './log-mel.js';
import { createMfccPlan, mfcc } from './mfcc.js';
import { featureSetFrames } from './operators/feature-set-frames.js';
import { frames } from './operators/frames.js';
import { createSpectralFeaturesPlan, SpectralFeatureExtractor } from './spectral/index.js';
import { computeTimeStats, createTimeStatsPlan } from './stats/index.js';
import { createWindowPlan, applyWindow } from './window.js';
import { createFftPlan, powerSpectrum } from './fft.js';

describe('feature set (shared intermediates)', () => {
  const signal = f32(loadGolden<{ signal: number[] }>('mfcc').signal);
  const framesIn = frameSignal(createFramingPlan({ length: 400, hop: 160 }), signal);
  const options = {
    sampleRate: 16000,
    frameLength: 400,
    mel: { bands: 32, fMin: 20, fMax: 7600 },
    logMel: true,
    mfcc: { coefficients: 12, lifter: 22 },
    spectral: { features: ['centroid', 'flatness', 'rolloff', 'flux', 'bandPowers'] as const, bandEdges: [0, 1000, 4000, 8000] },
    stats: { stats: ['rms', 'kurtosis', 'zeroCrossingRate'] as const },
  };

  it('gives exactly what each block computes on its own, in plan.names order', () => {
    const plan = createFeatureSetPlan(options);
    expect(plan.names.slice(0, 9)).toEqual(['rms', 'kurtosis', 'zeroCrossingRate', 'centroid', 'flatness', 'rolloff', 'flux', 'band0', 'band1']);
    expect(plan.outputLength).toBe(3 + 7 + 32 + 12);

    const extractor = new FeatureSetExtractor(plan);
    const stats = createTimeStatsPlan({ length: 400, ...options.stats });
    const spectral = new SpectralFeatureExtractor(createSpectralFeaturesPlan({ sampleRate: 16000, fftSize: 512, ...options.spectral }));
    const lm = createLogMelPlan({ sampleRate: 16000, frameLength: 400, fftSize: 512, ...options.mel });
    const mf = createMfccPlan({ sampleRate: 16000, frameLength: 400, fftSize: 512, ...options.mel, ...options.mfcc });
    const win = createWindowPlan({ type: 'hann', length: 400 });
    const fft = createFftPlan({ size: 512 });
    const padded = new Float32Array(512);
    const power = new Float32Array(257);
    for (const frame of framesIn) {
      const out = new Float32Array(plan.outputLength);
      extractor.process(frame, out);
      const expected = new Float32Array(plan.outputLength);
      computeTimeStats(stats, frame, expected.subarray(0, 3));
      applyWindow(win, frame, padded);
      powerSpectrum(fft, padded, power);
      spectral.process(power, expected.subarray(3, 10));
      logMel(lm, frame, expected.subarray(10, 42));
      mfcc(mf, frame, expected.subarray(42));
      expect(out).toEqual(expected);
    }
  });

  it('streams the same vectors under random chunking, with flux state per subscription', async () => {
    const pipeline = [frames({ length: 400, hop: 160 }), featureSetFrames(options)] as const;
    const batch = await runOperator([wholeChunk(signal, 16000)], (s) => s.pipe(...pipeline));
    const streamed = await runOperator(randomChunks(signal, 16000, 1, 4, 333), (s) => s.pipe(...pipeline));
    expect(streamed.map((f) => Array.from(f.data))).toEqual(batch.map((f) => Array.from(f.data)));
  });

  it('asks for at least one output', () => {
    expect(() => createFeatureSetPlan({ sampleRate: 16000, frameLength: 400 })).toThrow(/featureSet: outputs = "none"; expected at least one of/);
  });
});
