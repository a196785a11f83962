import type { GravityPlan } from './gravity.js';

const DEG = Math.PI / 180;

/**
 * Streaming gravity / linear-acceleration split over interleaved IMU samples (accelerometer in g, gyroscope
 * in deg/s), double-precision state, allocation-free. Per sample, in 'gyro' mode the previous gravity
 * estimate is first rotated by the gyroscope (a world-fixed vector seen from a sensor turning at w moves as
 * dg/dt = -w x g; the rotation is exact for w constant over the sample), then in both modes pulled towards
 * the accelerometer by `plan.weight`. The estimate starts at the first accelerometer reading.
 * @example
 * const split = new GravitySplitter(createGravityPlan({ sampleRate: 100, channels: 6, output: 'linear' }));
 * split.process(imu, linear); // 3 channels of linear acceleration (g) per input frame
 */
export class GravitySplitter {
  private gx = 0;
  private gy = 0;
  private gz = 0;
  private started = false;

  constructor(readonly plan: GravityPlan) {}

  /** Current gravity estimate in g (sensor frame). */
  get gravity(): [number, number, number] {
    return [this.gx, this.gy, this.gz];
  }

  reset(): void {
    this.started = false;
  }

  /** Splits interleaved `input` (plan.channels per frame) into `out` (plan.outputChannels per frame). */
  process(input: Float32Array, out: Float32Array): void {
    const { channels, outputChannels, output, weight, dt } = this.plan;
    const gyro = this.plan.mode === 'gyro';
    const frames = input.length / channels;
    let { gx, gy, gz } = this;
    for (let n = 0; n < frames; n++) {
      const i = n * channels;
      const ax = input[i]!;
      const ay = input[i + 1]!;
      const az = input[i + 2]!;
      if (!this.started) {
        gx = ax;
        gy = ay;
        gz = az;
        this.started = true;
      } else {
        if (gyro) {
          const wx = input[i + 3]! * DEG;
          const wy = input[i + 4]! * DEG;
          const wz = input[i + 5]! * DEG;
          const rate = Math.sqrt(wx * wx + wy * wy + wz * wz);
          if (rate > 0) {
            // Rodrigues rotation of g by -rate*dt about the unit axis u = w / rate.
            const ux = wx / rate;
            const uy = wy / rate;
            const uz = wz / rate;
            const c = Math.cos(rate * dt);
            const s = -Math.sin(rate * dt);
            const dot = (ux * gx + uy * gy + uz * gz) * (1 - c);
            const cx = uy * gz - uz * gy;
            const cy = uz * gx - ux * gz;
            const cz = ux * gy - uy * gx;
            const rx = gx * c + cx * s + ux * dot;
            const ry = gy * c + cy * s + uy * dot;
            const rz = gz * c + cz * s + uz * dot;
            gx = rx;
            gy = ry;
            gz = rz;
          }
        }
        gx += weight * (ax - gx);
        gy += weight * (ay - gy);
        gz += weight * (az - gz);
      }
      const o = n * outputChannels;
      if (output === 'linear') {
        out[o] = ax - gx;
        out[o + 1] = ay - gy;
        out[o + 2] = az - gz;
      } else {
        out[o] = gx;
        out[o + 1] = gy;
        out[o + 2] = gz;
        if (output === 'both') {
          out[o + 3] = ax - gx;
          out[o + 4] = ay - gy;
          out[o + 5] = az - gz;
        }
      }
    }
    this.gx = gx;
    this.gy = gy;
    this.gz = gz;
  }
}

/** Splits a whole interleaved IMU signal; allocates the output (plan.outputChannels per frame). */
export function splitGravity(plan: GravityPlan, samples: Float32Array): Float32Array {
  const out = new Float32Array((samples.length / plan.channels) * plan.outputChannels);
  new GravitySplitter(plan).process(samples, out);
  return out;
}
