import { ParameterError, requireInRange, requireInteger, requirePositive } from '@sensorkit/dsp';
import type { BearingGeometry, FaultFrequencies } from '../contracts.js';

/**
 * Bearings with published defect frequencies: the two deep-groove ball bearings of the Case Western
 * Reserve University (CWRU) bearing data set, whose tables the tests check against.
 */
export const BEARINGS = {
  /** SKF 6205-2RS JEM, CWRU drive end: 9 balls, 0.3126 in (7.94 mm) balls, 1.537 in (39.04 mm) pitch */
  'skf-6205': { balls: 9, ballDiameter: 7.94, pitchDiameter: 39.04, contactAngle: 0 },
  /** SKF 6203-2RS JEM, CWRU fan end: 8 balls, 0.2656 in (6.746 mm) balls, 1.122 in (28.499 mm) pitch */
  'skf-6203': { balls: 8, ballDiameter: 6.7462, pitchDiameter: 28.4988, contactAngle: 0 },
} as const satisfies Record<string, BearingGeometry>;

export type BearingName = keyof typeof BEARINGS;

/**
 * Checks a bearing geometry: whole ball count 3..64, diameters in mm with the ball smaller than the
 * pitch circle, contact angle in [0, 60) degrees. Returns a plain copy.
 */
export function checkBearing(block: string, argument: string, geometry: unknown): BearingGeometry {
  if (typeof geometry !== 'object' || geometry === null) {
    throw new ParameterError(block, argument, geometry, 'an object { balls, ballDiameter, pitchDiameter, contactAngle }');
  }
  const g = geometry as Partial<BearingGeometry>;
  const balls = requireInteger(block, `${argument}.balls`, g.balls, 3, 64);
  const ballDiameter = requirePositive(block, `${argument}.ballDiameter`, g.ballDiameter);
  const pitchDiameter = requirePositive(block, `${argument}.pitchDiameter`, g.pitchDiameter);
  if (ballDiameter >= pitchDiameter) {
    throw new ParameterError(block, `${argument}.ballDiameter`, ballDiameter, `a diameter (mm) below pitchDiameter = ${pitchDiameter} mm`);
  }
  const contactAngle = requireInRange(block, `${argument}.contactAngle`, g.contactAngle ?? 0, 0, 60, { maxExclusive: true, hint: 'degrees' });
  return { balls, ballDiameter, pitchDiameter, contactAngle };
}

/**
 * Kinematic defect frequencies (Hz) of a rolling-element bearing with a stationary outer race at a
 * shaft speed (Hz), assuming pure rolling (no slip):
 * FTF = fr/2 (1 - r), BPFO = n fr/2 (1 - r), BPFI = n fr/2 (1 + r), BSF = D/(2d) fr (1 - r^2),
 * with r = d/D cos(contact angle). `bsf` is the ball spin frequency itself (one spin of the ball); a ball
 * defect strikes both races once per spin, so its impacts come at 2 x BSF (CWRU's table lists 2 x BSF).
 * @example
 * bearingFrequencies(BEARINGS['skf-6205'], 29.95).bpfo; // 107.4 Hz (3.5848 x shaft)
 */
export function bearingFrequencies(geometry: BearingGeometry, shaftHz: number): FaultFrequencies {
  const bearing = checkBearing('bearing', 'geometry', geometry);
  const fr = requireInRange('bearing', 'shaftHz', shaftHz, 0, 1e5, { hint: 'Hz' });
  const r = (bearing.ballDiameter / bearing.pitchDiameter) * Math.cos((bearing.contactAngle * Math.PI) / 180);
  return {
    shaft: fr,
    bpfo: ((bearing.balls * fr) / 2) * (1 - r),
    bpfi: ((bearing.balls * fr) / 2) * (1 + r),
    bsf: ((bearing.pitchDiameter * fr) / (2 * bearing.ballDiameter)) * (1 - r * r),
    ftf: (fr / 2) * (1 - r),
  };
}
