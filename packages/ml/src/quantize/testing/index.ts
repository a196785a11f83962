// Test fixtures for the int8 path (seeded tiny models), shared by @sensorkit/ml's and @sensorkit/board's tests.
export * from './tiny-models.js';
