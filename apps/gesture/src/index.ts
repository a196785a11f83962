/**
 * @sensorkit/gesture: IMU gesture recognition. A synthetic arm-motion generator, IMU recordings as
 * labelled segments, motion-triggered and sliding-window segmentation, a small 1-D CNN with its
 * preprocessing and model folder, cross-validation, live classification, and the commands the CLI mounts.
 */
export * from './contracts.js';
export * from './generator/rotation.js';
export * from './generator/motions.js';
export * from './generator/person.js';
export * from './generator/render-imu.js';
export * from './generator/gesture-set.js';
export * from './generator/gesture-stream.js';
export * from './generator/write-gesture-set.js';
export * from './generator/write-gesture-stream.js';
export * from './segment/trigger-plan.js';
export * from './segment/motion-trigger.js';
export * from './segment/triggered-windows.js';
export * from './segment/posterior-smoother.js';
export * from './window/fixed-length.js';
export * from './window/channel-normalizer.js';
export * from './window/augment.js';
export * from './data/imu-columns.js';
export * from './data/load-gesture-data.js';
export * from './data/read-imu-file.js';
export * from './model/network.js';
export * from './model/gesture-model.js';
export * from './model/training-windows.js';
export * from './model/train-gesture-model.js';
export * from './model/model-folder.js';
export * from './model/folds.js';
export * from './model/cross-validate.js';
export * from './classify/gesture-events.js';
