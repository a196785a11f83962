// RxJS operators of the spectral area.
export * from './spectral-features.js';
export * from './spectral-flux.js';
