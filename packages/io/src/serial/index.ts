// Serial boards: line protocol parsing, rate/axes detection, the reconnecting source, port listing.
export * from './bad-lines.js';
export * from './line-fields.js';
export * from './line-parser.js';
export * from './rate-window.js';
export * from './stream-detector.js';
export * from './chunk-queue.js';
export * from './serial-port.js';
export * from './node-serial-port.js';
export * from './serial-options.js';
export * from './serial-pipeline.js';
export * from './serial-source.js';
export * from './port-list.js';
