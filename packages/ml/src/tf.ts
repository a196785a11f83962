/*
 * One TensorFlow.js instance for the whole kit: apps import `tf` from here so that the backend chosen by
 * initBackend, the registered kernels and the models all live in the same engine.
 */
export * as tf from '@tensorflow/tfjs';
