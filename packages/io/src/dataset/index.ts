// Datasets: the folder layout with its manifest, the recorder that writes it, the loader that reads it.
export * from './manifest.js';
export { requireLabel, sampleFilePath, sampleNumber } from './sample-files.js';
export * from './dataset-writer.js';
export * from './dataset-loader.js';
export * from './sample-capture.js';
export * from './recorder.js';
export { writeFileAtomic } from './atomic-file.js';
