// Live monitoring of one machine with a trained model: rate adaptation, scoring, the spectra a dashboard shows.
export * from './sample-ring.js';
export * from './spectrum-view.js';
export * from './machine-view.js';
export * from './rate-adapter.js';
export * from './model-monitor.js';
export * from './monitor-operator.js';
