// The keyword network, its model folder, training and evaluation.
export * from './network.js';
export * from './kws-model.js';
export * from './dataset-features.js';
export * from './train-kws.js';
export * from './evaluate-kws.js';
export * from './augment-features.js';
