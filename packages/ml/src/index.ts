// @sensorkit/ml: filled in by the ML work.
export {};
