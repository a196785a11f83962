// Time-domain statistics over frames: plan + allocation-free core.
export * from './time-stats.js';
