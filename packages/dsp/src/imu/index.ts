// IMU helpers: vector magnitude, gravity / linear-acceleration split (low-pass or gyroscope-fused).
export * from './vector-magnitude.js';
export * from './gravity.js';
export * from './gravity-splitter.js';
