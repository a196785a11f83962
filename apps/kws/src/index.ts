/**
 * @sensorkit/kws: keyword spotting and wake words on 16 kHz audio. Training data made by speech
 * synthesis (generateKeywordDataset, readKeywordDataset) and the commands the CLI mounts.
 */
export * from './data/index.js';
export * from './commands/command-io.js';
export * from './commands/generate.js';
export * from './features/index.js';
export * from './model/index.js';
export * from './listen/index.js';
export * from './commands/train.js';
export * from './commands/eval.js';
export * from './commands/classify.js';
export * from './commands/listen.js';
