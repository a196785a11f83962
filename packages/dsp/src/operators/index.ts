// Every RxJS operator of @sensorkit/dsp. Each area keeps its operators in <area>/operators/.
export * from './chunk-operator.js';
export * from './map-frames.js';
export * from './frame-operator.js';
export * from './frames.js';
export * from './channels.js';
export * from './mfcc-frames.js';
export * from './log-mel-frames.js';
export * from './spectrogram-frames.js';
export * from './deltas.js';
export * from './feature-set-frames.js';
export * from '../filters/operators/index.js';
export * from '../resample/operators/index.js';
export * from '../envelope/operators/index.js';
export * from '../stats/operators/index.js';
export * from '../spectral/operators/index.js';
export * from '../normalize/operators/index.js';
export * from '../imu/operators/index.js';
