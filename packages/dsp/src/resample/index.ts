// Rational polyphase resampling (scipy.signal.resample_poly compatible): plan, streaming core, batch.
export * from './kaiser-fir.js';
export * from './resample-plan.js';
export * from './resampler.js';
