// @sensorkit/anomaly: filled in by the anomaly work.
export * from './contracts.js';
export * from './dashboard/index.js';
export * from './simulator/index.js';
