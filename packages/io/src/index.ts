/**
 * @sensorkit/io: WAV, CSV and raw files as streams of SampleChunks (pure readers and writers over file
 * handles, then thin RxJS sources and sinks), and openSignal to read any of them by extension.
 */
export * from './errors.js';
export * from './sample-codec.js';
export * from './wav-format.js';
export * from './wav-header.js';
export * from './wav-header-bytes.js';
export * from './wav-reader.js';
export * from './wav-writer.js';
export * from './csv-records.js';
export * from './csv-values.js';
export * from './csv-rate.js';
export * from './csv-plan.js';
export * from './csv-decoder.js';
export * from './csv-reader.js';
export * from './csv-writer.js';
export * from './csv-segments.js';
export * from './raw-reader.js';
export * from './open-signal.js';
export * from './row-writer.js';
export * from './operators/index.js';
export * from './live/index.js';
export * from './serial/index.js';
export * from './dataset/index.js';
export * from './captured-output.js';
