// Post-training int8 quantization (TFLite's scheme) and the int8 interpreter that defines what a board computes.
export * from './fixed-point.js';
export type * from './float-graph.js';
export { sizeOf } from './float-graph.js';
export * from './read-model.js';
export * from './fold-batch-norm.js';
export * from './float-forward.js';
export * from './calibrate.js';
export * from './int8-model.js';
export * from './quantize-graph.js';
export * from './int8-kernels.js';
export * from './interpreter.js';
export * from './int8-model-file.js';
export * from './footprint.js';
export * from './int8-report.js';
export * from './test-vectors.js';
