// RxJS operators of the normalize area.
export * from './normalize.js';
export * from './fixed-normalize.js';
export * from './smooth-frames.js';
export * from './smooth-samples.js';
