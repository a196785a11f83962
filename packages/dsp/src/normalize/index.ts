// Running and fixed normalisation of feature frames, and one-pole smoothing of frames and samples.
export * from './running-norm.js';
export * from './fixed-norm.js';
export * from './smoothing.js';
