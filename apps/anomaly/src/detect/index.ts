/**
 * Anomaly detection: per-window features of (multi-axis) vibration, detectors trained on normal data
 * only (Gaussian/Mahalanobis, k-means, dense autoencoder), threshold calibration, health index with
 * hysteresis and alerts, model folders. Pure cores; file reading in signal-input.ts and model-folder.ts.
 */
export * from './feature-options.js';
export * from './bearing-lines.js';
export * from './feature-plan.js';
export * from './feature-extractor.js';
export * from './feature-stream.js';
export * from './standardizer.js';
export * from './detector.js';
export * from './gaussian.js';
export * from './kmeans.js';
export * from './autoencoder.js';
export * from './detector-factory.js';
export * from './split.js';
export * from './selection.js';
export * from './train-detector.js';
export * from './health.js';
export * from './model.js';
export * from './fit-model.js';
export * from './evaluate.js';
export * from './model-card.js';
export * from './model-folder.js';
export * from './signal-input.js';
