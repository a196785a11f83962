// RxJS operators of the stats area.
export * from './time-stats.js';
