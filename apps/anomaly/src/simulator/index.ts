/**
 * The machine vibration simulator: bearing kinematics, a sample-index-driven machine model with faults
 * and run-to-failure, and recordings with ground truth. Pure cores; file writing in write-simulation.ts.
 */
export * from './bearing.js';
export * from './severity.js';
export * from './speed-profile.js';
export * from './machine-options.js';
export * from './machine-plan.js';
export * from './machine-signal.js';
export * from './simulate.js';
export * from './fleet.js';
export * from './signal-file.js';
export * from './write-simulation.js';
