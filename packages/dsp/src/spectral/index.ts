// Spectral features over power or magnitude spectra: plans, pure descriptors, extractor, flux state.
export * from './band-powers.js';
export * from './spectral-features.js';
export * from './spectral-features-plan.js';
export * from './spectral-flux.js';
export * from './spectral-peaks.js';
export * from './spectral-shape.js';
export * from './spectrum-input.js';
