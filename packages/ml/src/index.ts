// @sensorkit/ml: the TF.js layer the apps share (backend choice, seeds, training, metrics, model folders).
export * from './tf.js';
export * from './backend.js';
export * from './seed.js';
export * from './dense-network.js';
export * from './train/early-stopping.js';
export * from './train/progress.js';
export * from './train/train-model.js';
export * from './metrics/roc.js';
export * from './metrics/threshold.js';
export * from './metrics/classification.js';
export * from './metrics/rates.js';
export * from './format-table.js';
export * from './model-folder/metadata.js';
export * from './model-folder/model-folder.js';
export * from './fingerprint.js';
export * from './model-card.js';
export { fileLoadHandler, fileSaveHandler } from './model-folder/file-handler.js';
