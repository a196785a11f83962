import { FormatError } from '@sensorkit/io';

export const ACCEL_UNITS = ['g', 'm/s2'] as const;
export const GYRO_UNITS = ['deg/s', 'rad/s'] as const;
export type AccelUnit = (typeof ACCEL_UNITS)[number];
export type GyroUnit = (typeof GYRO_UNITS)[number];

const G0 = 9.80665;
const ACCEL = [/^(?:a|acc|accel|accelerometer)[_ ]?x$/i, /^(?:a|acc|accel|accelerometer)[_ ]?y$/i, /^(?:a|acc|accel|accelerometer)[_ ]?z$/i];
const GYRO = [/^(?:g|gyr|gyro|gyroscope)[_ ]?x$/i, /^(?:g|gyr|gyro|gyroscope)[_ ]?y$/i, /^(?:g|gyr|gyro|gyroscope)[_ ]?z$/i];

/**
 * Where the accelerometer and gyroscope axes are among a file's numeric columns: by name (aX, accX,
 * acc_x, gyroX, ...), else, for a file of exactly 3 or 6 unnamed axes (x, y, z / ax, ...), in order.
 * Returns column indices in the model's channel order: aX, aY, aZ[, gX, gY, gZ].
 */
export function imuColumns(file: string, columns: readonly string[]): number[] {
  const find = (patterns: RegExp[]): number[] | undefined => {
    const at = patterns.map((p) => columns.findIndex((c) => p.test(c.trim())));
    return at.every((i) => i >= 0) ? at : undefined;
  };
  const accel = find(ACCEL);
  const gyro = find(GYRO);
  if (accel) return gyro ? [...accel, ...gyro] : accel;
  if (columns.length === 3 || columns.length === 6) return columns.map((_, i) => i);
  throw new FormatError(file, `no accelerometer columns among ${columns.join(', ')}; expected aX,aY,aZ (and gX,gY,gZ), or exactly 3 or 6 numeric columns`);
}

/** Converts interleaved readings in place to g and deg/s, the units the models work in. */
export function toModelUnits(samples: Float32Array, channels: number, accel: AccelUnit, gyro: GyroUnit): void {
  const accelScale = accel === 'm/s2' ? 1 / G0 : 1;
  const gyroScale = gyro === 'rad/s' ? 180 / Math.PI : 1;
  if (accelScale === 1 && gyroScale === 1) return;
  for (let i = 0; i < samples.length; i++) samples[i] *= i % channels < 3 ? accelScale : gyroScale;
}
