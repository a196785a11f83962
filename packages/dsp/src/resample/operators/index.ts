// RxJS operators of the resample area.
export * from './resample.js';
