// Convolution layers that train on the WASM backend (unfold + matMul), registered for model save/load.
export * from './unfold.js';
export type { ConvActivation, UnfoldConvArgs } from './conv-args.js';
export * from './conv1d.js';
export * from './conv2d.js';
export * from './depthwise-conv2d.js';
export * from './separable-block.js';
