/**
 * @sensorkit/anomaly: vibration anomaly detection for predictive maintenance. A machine simulator with
 * ground truth, per-window features, detectors trained on normal data only, a health index with alerts,
 * a live dashboard, the commands the CLI mounts, and the fleet demo.
 */
export * from './contracts.js';
export * from './simulator/index.js';
export * from './detect/index.js';
export * from './dashboard/index.js';
export * from './monitor/index.js';
export * from './demo/index.js';
export * from './commands/index.js';
