import { from, type Observable, type OperatorFunction } from 'rxjs';
import { describe, expectTypeOf, it } from 'vitest';
import type { Frame, SampleChunk } from '../chunk.js';
import { createButterworthPlan } from '../filters/index.js';
import { envelopeSpectrum, type EnvelopeSpectrumFrame } from '../envelope/operators/index.js';
import { frames, mfccFrames, resample, sosFilter, spectrogramFrames, deltas, featureSetFrames, downmix } from './index.js';

// Type-level checks of the public operator signatures: a change that breaks users' pipelines fails here.
describe('operator types', () => {
  const chunks$: Observable<SampleChunk> = from([]);

  it('sample operators map SampleChunk -> SampleChunk, framing and spectra SampleChunk/Frame -> Frame', () => {
    expectTypeOf(sosFilter(createButterworthPlan({ type: 'lowpass', order: 2, sampleRate: 100, cutoff: 10 }))).toEqualTypeOf<OperatorFunction<SampleChunk, SampleChunk>>();
    expectTypeOf(resample({ to: 16000 })).toEqualTypeOf<OperatorFunction<SampleChunk, SampleChunk>>();
    expectTypeOf(downmix()).toEqualTypeOf<OperatorFunction<SampleChunk, SampleChunk>>();
    expectTypeOf(frames({ length: 4 })).toEqualTypeOf<OperatorFunction<SampleChunk, Frame>>();
    expectTypeOf(spectrogramFrames({ frameLength: 4 })).toEqualTypeOf<OperatorFunction<SampleChunk, Frame>>();
    expectTypeOf(mfccFrames({ sampleRate: 16000 })).toEqualTypeOf<OperatorFunction<Frame, Frame>>();
    expectTypeOf(deltas({ features: 3 })).toEqualTypeOf<OperatorFunction<Frame, Frame>>();
    expectTypeOf(envelopeSpectrum()).toEqualTypeOf<OperatorFunction<Frame, EnvelopeSpectrumFrame>>();
  });

  it('composes into a typed pipeline', () => {
    const mfcc$ = chunks$.pipe(resample({ to: 16000 }), frames({ length: 480, hop: 320 }), mfccFrames({ sampleRate: 16000, frameLength: 480 }));
    expectTypeOf(mfcc$).toEqualTypeOf<Observable<Frame>>();
    const set$ = chunks$.pipe(frames({ length: 256 }), featureSetFrames({ sampleRate: 1000, frameLength: 256, stats: {} }));
    expectTypeOf(set$).toEqualTypeOf<Observable<Frame>>();
  });
});
