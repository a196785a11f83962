// Live sources: the shared contract, microphone capture, signal generators, real-time file replay.
export * from './live-source.js';
