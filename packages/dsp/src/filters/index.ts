// Filters: designs (RBJ biquad, Butterworth, windowed-sinc FIR) and the streaming cores that run them.
export * from './cutoff.js';
export * from './sos.js';
export * from './biquad.js';
export * from './butterworth.js';
export * from './fir-design.js';
export * from './fir-filter.js';
export * from './dc-blocker.js';
export * from './pre-emphasis.js';
export * from './filtfilt.js';
export * from './frequency-response.js';
