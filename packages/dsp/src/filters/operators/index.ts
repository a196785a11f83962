// RxJS operators of the filters area: thin wrappers over the cores in ../.
export * from './sos-filter.js';
export * from './fir.js';
export * from './dc-block.js';
export * from './pre-emphasis.js';
