// The predictive-maintenance demo: simulated fleet -> DSP -> detectors -> dashboard and terminal.
export * from './demo-report.js';
export * from './machine-runner.js';
export * from './run-demo.js';
