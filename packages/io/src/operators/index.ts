// Every RxJS source and sink of @sensorkit/io.
export * from './from-chunk-iterator.js';
export * from './wav-source.js';
export * from './csv-source.js';
export * from './signal-source.js';
export * from './wav-sink.js';
export * from './rows-sink.js';
