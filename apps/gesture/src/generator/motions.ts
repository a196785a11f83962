import type { Random } from '@sensorkit/dsp';
import { IDENTITY, mul, rotX, rotY, rotZ, type Mat3, type Vec3 } from './rotation.js';

/** The gestures the generator makes, and the negative class (rest, random arm motion, bumps). */
export const GESTURES = ['punch', 'flex', 'wave', 'circle', 'shake', 'up-down'] as const;
export type Gesture = (typeof GESTURES)[number];
export const NEGATIVE_LABEL = 'idle';
export type GeneratedLabel = Gesture | typeof NEGATIVE_LABEL;
export const GENERATED_LABELS: readonly GeneratedLabel[] = [...GESTURES, NEGATIVE_LABEL];

/**
 * Where the wrist is at time t, relative to the person's rest pose, in the body frame (x forward, y left,
 * z up): a displacement in metres and a rotation of the forearm applied on top of its rest orientation.
 */
export interface Pose {
  readonly position: Vec3;
  readonly rotation: Mat3;
}

/** A movement of the wrist: starts and ends at rest (zero velocity and acceleration) over `duration` s. */
export interface Motion {
  readonly label: GeneratedLabel;
  /** seconds from the start of the motion to its end */
  readonly duration: number;
  pose(t: number): Pose;
}

/** How one performance differs from the nominal one: > 1 is faster / bigger. */
export interface Performance {
  speed: number;
  amplitude: number;
}

const DEG = Math.PI / 180;
const REST: Pose = { position: [0, 0, 0], rotation: IDENTITY };

/** Minimum-jerk step 0 -> 1 over u in [0, 1]: zero velocity and acceleration at both ends. */
export function minimumJerk(u: number): number {
  const x = Math.min(1, Math.max(0, u));
  return x * x * x * (10 + x * (-15 + 6 * x));
}

/** Out and back: minimum-jerk 0 -> 1 until `peak`, then 1 -> 0; smooth (C2) everywhere. */
function outAndBack(u: number, peak: number): number {
  return u <= peak ? minimumJerk(u / peak) : minimumJerk((1 - u) / (1 - peak));
}

/** sin^2 window over [0, 1]: oscillations faded in and out so they too start and end at rest. */
function fade(u: number): number {
  const s = Math.sin(Math.PI * Math.min(1, Math.max(0, u)));
  return s * s;
}

function motion(label: GeneratedLabel, duration: number, shape: (u: number, t: number) => Pose): Motion {
  return { label, duration, pose: (t) => (t <= 0 || t >= duration ? REST : shape(t / duration, t)) };
}

// The forearm pivots at the elbow, this far from the wrist (m): translations of the hand tilt it.
const FOREARM = 0.28;

/**
 * One performance of a gesture, scaled by `p` (duration / speed, amplitude * amplitude), with a little
 * randomness of its own (direction of the punch, plane of the circle). The amplitudes are those of an
 * adult arm: a punch reaches 30-40 cm forward in under 0.2 s (several g), a curl lifts the forearm 110°.
 */
export function gestureMotion(label: Gesture, p: Performance, random: Random): Motion {
  const a = p.amplitude;
  const jitter = (spread: number): number => (random.uniform() * 2 - 1) * spread;
  switch (label) {
    case 'punch': {
      const reach = 0.35 * a;
      const roll = (50 + jitter(15)) * DEG * a;
      const aim = jitter(10) * DEG;
      return motion(label, 0.55 / p.speed, (u) => {
        const s = outAndBack(u, 0.35);
        return { position: [reach * s * Math.cos(aim), reach * s * Math.sin(aim), 0.03 * s], rotation: rotX(roll * s) };
      });
    }
    case 'flex': {
      const lift = Math.min(140, (110 + jitter(15)) * a) * DEG;
      return motion(label, 1.0 / p.speed, (u) => {
        const theta = lift * outAndBack(u, 0.5);
        return { position: [FOREARM * (Math.cos(theta) - 1), 0, FOREARM * Math.sin(theta)], rotation: rotY(-theta) };
      });
    }
    case 'wave': {
      const swing = (25 + jitter(5)) * DEG * a;
      const hz = 2 + jitter(0.3);
      const duration = 1.2 / p.speed;
      return motion(label, duration, (u, t) => {
        const phi = swing * fade(u) * Math.sin(2 * Math.PI * hz * p.speed * t);
        return { position: [FOREARM * (Math.cos(phi) - 1), FOREARM * Math.sin(phi), 0], rotation: mul(rotZ(phi), rotX(0.5 * phi)) };
      });
    }
    case 'circle': {
      const radius = 0.15 * a;
      const turn = random.uniform() < 0.5 ? 1 : -1;
      return motion(label, 1.0 / p.speed, (u) => {
        const angle = 2 * Math.PI * minimumJerk(u) * turn;
        const y = radius * Math.sin(angle);
        const z = radius * (1 - Math.cos(angle));
        return { position: [0, y, z], rotation: mul(rotZ(Math.atan2(y, FOREARM)), rotY(-Math.atan2(z, FOREARM))) };
      });
    }
    case 'shake': {
      const amplitude = 0.02 * a;
      const hz = 6 + jitter(1);
      const roll = 15 * DEG * a;
      return motion(label, 0.8 / p.speed, (u, t) => {
        const w = fade(u) * Math.sin(2 * Math.PI * hz * p.speed * t);
        return { position: [0, amplitude * w, 0.3 * amplitude * w], rotation: rotX(roll * w) };
      });
    }
    case 'up-down': {
      const height = 0.3 * a;
      return motion(label, 0.9 / p.speed, (u) => {
        const z = height * outAndBack(u, 0.5);
        return { position: [0, 0, z], rotation: rotY(-0.5 * Math.atan2(z, FOREARM)) };
      });
    }
  }
}

/** Sum of sinusoids with random frequencies in [lo, hi] Hz and random phases: smooth, band-limited wander. */
function wander(random: Random, lo: number, hi: number, terms = 3): (t: number) => number {
  const parts = Array.from({ length: terms }, () => ({ f: lo + (hi - lo) * random.uniform(), phase: 2 * Math.PI * random.uniform(), w: 0.5 + random.uniform() }));
  const norm = parts.reduce((s, q) => s + q.w, 0);
  return (t) => parts.reduce((s, q) => s + q.w * Math.sin(2 * Math.PI * q.f * t + q.phase), 0) / norm;
}

export const NEGATIVE_KINDS = ['still', 'random', 'bump'] as const;
export type NegativeKind = (typeof NEGATIVE_KINDS)[number];

/**
 * Negative-class motion: a resting wrist (physiological tremor at 8-12 Hz and slow drift), random arm
 * wander (0.3-1.2 Hz: reaching, adjusting), or a short bump (a knock on the table): the things a motion
 * trigger must ignore or a classifier must reject.
 */
export function negativeMotion(kind: NegativeKind, duration: number, p: Performance, random: Random): Motion {
  const axes = (lo: number, hi: number): ((t: number) => number)[] => [0, 1, 2].map(() => wander(random, lo, hi));
  switch (kind) {
    case 'still': {
      const tremor = axes(8, 12);
      const drift = axes(0.05, 0.3);
      return motion(NEGATIVE_LABEL, duration, (u, t) => {
        const f = fade(Math.min(1, u * 4, (1 - u) * 4));
        return {
          position: [0.0003 * f * tremor[0]!(t), 0.0003 * f * tremor[1]!(t), 0.0003 * f * tremor[2]!(t)],
          rotation: mul(rotZ(3 * DEG * f * drift[0]!(t)), rotY(3 * DEG * f * drift[1]!(t)), rotX(3 * DEG * f * drift[2]!(t))),
        };
      });
    }
    case 'random': {
      const move = axes(0.3, 1.2);
      const turn = axes(0.2, 0.8);
      const reach = 0.08 * p.amplitude;
      return motion(NEGATIVE_LABEL, duration, (u, t) => {
        const f = fade(u);
        return {
          position: [reach * f * move[0]!(t), reach * f * move[1]!(t), reach * f * move[2]!(t)],
          rotation: mul(rotZ(20 * DEG * f * turn[0]!(t)), rotY(20 * DEG * f * turn[1]!(t)), rotX(25 * DEG * f * turn[2]!(t))),
        };
      });
    }
    case 'bump': {
      const at = 0.2 + 0.6 * random.uniform();
      const width = 0.05 + 0.04 * random.uniform();
      const depth = 0.004 * p.amplitude;
      return motion(NEGATIVE_LABEL, duration, (_u, t) => {
        const v = (t - at * duration) / width;
        const z = v <= -1 || v >= 1 ? 0 : -depth * outAndBack((v + 1) / 2, 0.5);
        return { position: [0, 0, z], rotation: IDENTITY };
      });
    }
  }
}
