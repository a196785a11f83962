// RxJS operators of the normalize area.
export * from './frame-operator.js';
export * from './normalize.js';
export * from './fixed-normalize.js';
export * from './smooth-frames.js';
export * from './smooth-samples.js';
