import { randomAt, SEED_STREAMS } from './seed-hash.js';

/** A change of load at `time` (s) to `load` (0..1), reached after a linear ramp. */
export interface LoadStep {
  time: number;
  load: number;
}

/**
 * Shaft speed over time, in closed form so the shaft angle at any instant is exact without integrating
 * from the start: speed(t) = shaftHz (1 - loadSpeedDrop (L(t) - L0)) + shaftHz drift sum w_j sin(w_j t + p_j).
 * L(t) is piecewise linear (load steps with ramps), as an induction motor slows under load; the drift
 * terms are slow (periods 5..40 s) random-phase sinusoids, as supply frequency and process wander.
 */
export interface SpeedProfile {
  readonly shaftHz: number;
  readonly baseLoad: number;
  readonly loadSpeedDrop: number;
  /** knot times (s) and loads of L(t), with the integral of L from 0 to each knot */
  readonly knotTimes: Float64Array;
  readonly knotLoads: Float64Array;
  readonly knotIntegrals: Float64Array;
  /** drift terms: amplitude (Hz), angular rate (rad/s), phase (rad) */
  readonly drift: readonly { amplitude: number; omega: number; phase: number }[];
}

/** Builds a profile from checked options (steps sorted, at least `ramp` s apart). */
export function createSpeedProfile(options: {
  shaftHz: number;
  load: number;
  loadSteps: readonly LoadStep[];
  loadRamp: number;
  loadSpeedDrop: number;
  drift: number;
  seed: number;
}): SpeedProfile {
  const times = [0];
  const loads = [options.load];
  for (const step of options.loadSteps) {
    times.push(step.time, step.time + options.loadRamp);
    loads.push(loads[loads.length - 1]!, step.load);
  }
  const integrals = [0];
  for (let i = 1; i < times.length; i++) {
    integrals.push(integrals[i - 1]! + ((times[i]! - times[i - 1]!) * (loads[i]! + loads[i - 1]!)) / 2);
  }
  const random = randomAt(options.seed, SEED_STREAMS.drift, 0);
  const terms = [
    { weight: 0.7, period: 20 + 20 * random.uniform() },
    { weight: 0.3, period: 5 + 5 * random.uniform() },
  ];
  return {
    shaftHz: options.shaftHz,
    baseLoad: options.load,
    loadSpeedDrop: options.loadSpeedDrop,
    knotTimes: Float64Array.from(times),
    knotLoads: Float64Array.from(loads),
    knotIntegrals: Float64Array.from(integrals),
    drift: terms.map(({ weight, period }) => ({
      amplitude: options.shaftHz * options.drift * weight,
      omega: (2 * Math.PI) / period,
      phase: 2 * Math.PI * random.uniform(),
    })),
  };
}

/** Index of the last knot at or before t (0 for t before the first). */
function knotBefore(p: SpeedProfile, t: number): number {
  let i = p.knotTimes.length - 1;
  while (i > 0 && p.knotTimes[i]! > t) i--;
  return i;
}

/** Load (0..1) at time t (s). */
export function loadAt(p: SpeedProfile, t: number): number {
  const i = knotBefore(p, t);
  const t0 = p.knotTimes[i]!;
  if (i === p.knotTimes.length - 1 || t <= t0) return p.knotLoads[i]!;
  const t1 = p.knotTimes[i + 1]!;
  return p.knotLoads[i]! + ((p.knotLoads[i + 1]! - p.knotLoads[i]!) * (t - t0)) / (t1 - t0);
}

/** Integral of the load from 0 to t (load x s); before 0 the base load extends backwards. */
function loadIntegral(p: SpeedProfile, t: number): number {
  if (t <= 0) return p.baseLoad * t;
  const i = knotBefore(p, t);
  return p.knotIntegrals[i]! + ((t - p.knotTimes[i]!) * (p.knotLoads[i]! + loadAt(p, t))) / 2;
}

/** Shaft speed (Hz) at time t (s). */
export function speedAt(p: SpeedProfile, t: number): number {
  let f = p.shaftHz * (1 - p.loadSpeedDrop * (loadAt(p, t) - p.baseLoad));
  for (const d of p.drift) f += d.amplitude * Math.sin(d.omega * t + d.phase);
  return f;
}

/** Shaft angle in revolutions at time t (s): the exact integral of speedAt from 0. */
export function revolutionsAt(p: SpeedProfile, t: number): number {
  let r = p.shaftHz * (t - p.loadSpeedDrop * (loadIntegral(p, t) - p.baseLoad * t));
  for (const d of p.drift) r += (d.amplitude / d.omega) * (Math.cos(d.phase) - Math.cos(d.omega * t + d.phase));
  return r;
}

/**
 * The time (s) at which the shaft has turned `revolutions`: Newton's method on revolutionsAt, whose
 * derivative speedAt stays well above 0 (the plan bounds drift and load effects).
 */
export function timeAtRevolutions(p: SpeedProfile, revolutions: number): number {
  let t = revolutions / p.shaftHz;
  for (let i = 0; i < 50; i++) {
    const dt = (revolutionsAt(p, t) - revolutions) / speedAt(p, t);
    t -= dt;
    if (Math.abs(dt) <= 1e-13 * Math.max(1, Math.abs(t))) break;
  }
  return t;
}
