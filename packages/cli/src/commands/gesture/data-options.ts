import { Option, type Command } from 'commander';
import { ACCEL_UNITS, GYRO_UNITS, type LoadGestureDataOptions } from '@sensorkit/gesture';
import { positiveNumber } from '../../parse.js';

/** Options of every gesture command that reads IMU recordings: their rate and units. */
export function addImuDataOptions(command: Command): Command {
  return command
    .option('--rate <hz>', 'sample rate of CSV files without a timestamp column or manifest (Arduino captures: 119)', positiveNumber)
    .addOption(new Option('--accel-unit <unit>', 'unit of the accelerometer columns').choices(ACCEL_UNITS).default('g'))
    .addOption(new Option('--gyro-unit <unit>', 'unit of the gyroscope columns').choices(GYRO_UNITS).default('deg/s'));
}

export function imuDataOptions(o: Record<string, unknown>): LoadGestureDataOptions {
  return {
    ...(o.rate !== undefined ? { rate: o.rate as number } : {}),
    accelUnit: o.accelUnit as LoadGestureDataOptions['accelUnit'],
    gyroUnit: o.gyroUnit as LoadGestureDataOptions['gyroUnit'],
  };
}
