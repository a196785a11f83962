// RxJS operators of the envelope area.
export * from './envelope.js';
export * from './envelope-spectrum.js';
