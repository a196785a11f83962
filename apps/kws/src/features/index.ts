// Keyword features: the MLPerf Tiny front ends over 1 s windows, and their standardisation.
export * from './front-end.js';
export * from './normalizer.js';
