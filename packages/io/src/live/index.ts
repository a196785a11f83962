// Live sources: the shared contract, microphone capture, signal generators, real-time file replay.
export * from './live-source.js';
export * from './create-live-source.js';
export * from './pacer.js';
export * from './pcm16-chunker.js';
export * from './capture-error.js';
export * from './capture-command.js';
export * from './microphone.js';
export * from './replay.js';
export * from './generators/index.js';
