/**
 * @sensorkit/kws: keyword spotting and wake words on 16 kHz audio. Training data made by speech
 * synthesis (generateKeywordDataset, readKeywordDataset) and the commands the CLI mounts.
 */
export * from './data/index.js';
export * from './commands/command-io.js';
export * from './commands/generate.js';
