// Envelope analysis: exact-length Hilbert transform (scipy.signal.hilbert), envelope, envelope spectrum.
export * from './bluestein.js';
export * from './hilbert.js';
export * from './envelope-spectrum.js';
