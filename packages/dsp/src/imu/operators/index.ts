// RxJS operators of the imu area.
export * from './vector-magnitude.js';
export * from './gravity-split.js';
