/**
 * @sensorkit/board: the portable C99 int8 runtime (runtime/), the exporter that turns an int8 model into
 * C sources for it, and the build helpers the tests and `sensorkit export` use.
 */
export * from './c-arrays.js';
export * from './export-c.js';
export * from './export-features.js';
export * from './export-readme.js';
export * from './write-export.js';
export * from './runtime-files.js';
export * from './compile.js';
export * from './check-bit-exact.js';
export * from './firmware/firmware-files.js';
export * from './firmware/build-firmware.js';
export * from './launch/launch-firmware.js';
