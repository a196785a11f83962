/*
 * 3x3 rotation matrices (row-major, 9 numbers) and 3-vectors for the motion generator. A matrix R maps
 * sensor-frame coordinates to world coordinates: v_world = R v_sensor.
 */

export type Vec3 = readonly [number, number, number];
export type Mat3 = readonly [number, number, number, number, number, number, number, number, number];

export const IDENTITY: Mat3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/** Rotation by `angle` radians about the x axis (right-handed). */
export function rotX(angle: number): Mat3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [1, 0, 0, 0, c, -s, 0, s, c];
}

export function rotY(angle: number): Mat3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [c, 0, s, 0, 1, 0, -s, 0, c];
}

export function rotZ(angle: number): Mat3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}

/** a * b (apply b first). Any number of factors, left to right. */
export function mul(...ms: Mat3[]): Mat3 {
  let r: Mat3 = IDENTITY;
  for (const b of ms) {
    const a = r;
    r = [
      a[0] * b[0] + a[1] * b[3] + a[2] * b[6],
      a[0] * b[1] + a[1] * b[4] + a[2] * b[7],
      a[0] * b[2] + a[1] * b[5] + a[2] * b[8],
      a[3] * b[0] + a[4] * b[3] + a[5] * b[6],
      a[3] * b[1] + a[4] * b[4] + a[5] * b[7],
      a[3] * b[2] + a[4] * b[5] + a[5] * b[8],
      a[6] * b[0] + a[7] * b[3] + a[8] * b[6],
      a[6] * b[1] + a[7] * b[4] + a[8] * b[7],
      a[6] * b[2] + a[7] * b[5] + a[8] * b[8],
    ];
  }
  return r;
}

export function transpose(m: Mat3): Mat3 {
  return [m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]];
}

export function apply(m: Mat3, v: Vec3): Vec3 {
  return [m[0] * v[0] + m[1] * v[1] + m[2] * v[2], m[3] * v[0] + m[4] * v[1] + m[5] * v[2], m[6] * v[0] + m[7] * v[1] + m[8] * v[2]];
}

/** Rotation about the unit-free axis `v` by |v| radians (Rodrigues). */
export function fromRotationVector(v: Vec3): Mat3 {
  const angle = Math.hypot(v[0], v[1], v[2]);
  if (angle < 1e-12) return IDENTITY;
  const [x, y, z] = [v[0] / angle, v[1] / angle, v[2] / angle];
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const t = 1 - c;
  return [t * x * x + c, t * x * y - s * z, t * x * z + s * y, t * x * y + s * z, t * y * y + c, t * y * z - s * x, t * x * z - s * y, t * y * z + s * x, t * z * z + c];
}

/** The rotation vector (axis times angle, radians) of a rotation matrix; angles below pi. */
export function toRotationVector(m: Mat3): Vec3 {
  const cos = Math.min(1, Math.max(-1, (m[0] + m[4] + m[8] - 1) / 2));
  const angle = Math.acos(cos);
  const axis: Vec3 = [m[7] - m[5], m[2] - m[6], m[3] - m[1]];
  // For small angles sin(angle) ~ angle and the skew part alone is accurate: avoid 0/0.
  const scale = angle < 1e-6 ? 0.5 : angle / (2 * Math.sin(angle));
  return [axis[0] * scale, axis[1] * scale, axis[2] * scale];
}
