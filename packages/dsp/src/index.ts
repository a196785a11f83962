/**
 * @sensorkit/dsp: pure DSP cores over Float32Array (plan once, process without allocation) and thin
 * RxJS operators that carry their state across chunks.
 */
export * from './errors.js';
export * from './validate.js';
export * from './chunk.js';
export * from './plan.js';
export * from './random.js';
export * from './window.js';
export * from './framing.js';
export * from './fft.js';
export * from './decibels.js';
export * from './spectrogram.js';
export * from './mel.js';
export * from './dct.js';
export * from './log-mel.js';
export * from './mfcc.js';
export * from './deltas.js';
export * from './presets.js';
export * from './feature-set.js';
export * from './filters/index.js';
export * from './resample/index.js';
export * from './envelope/index.js';
export * from './stats/index.js';
export * from './spectral/index.js';
export * from './normalize/index.js';
export * from './imu/index.js';
export * from './operators/index.js';
