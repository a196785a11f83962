// Streaming keyword detection: windows over feature frames, batched scoring, posterior smoothing.
export * from './posterior-smoother.js';
export * from './window-buffer.js';
export * from './keyword-detections.js';
export * from './score-signal.js';
