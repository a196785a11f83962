// The anomaly app's commands, built with commander; the kit's CLI mounts them under `sensorkit anomaly`.
export * from './simulate.js';
export * from './train.js';
export * from './score.js';
export * from './eval.js';
export * from './demo.js';
