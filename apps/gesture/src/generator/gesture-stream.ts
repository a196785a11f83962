import { createRandom, ParameterError, requireInRange, requireInteger } from '@sensorkit/dsp';
import { GESTURES, negativeMotion, type Gesture } from './motions.js';
import { performMotion } from './gesture-set.js';
import { drawPerson, type Person } from './person.js';
import { renderImu, type PlacedMotion } from './render-imu.js';

export interface GestureStreamOptions {
  /** the gestures, in order (default: each of the six once) */
  gestures?: readonly Gesture[];
  /** Hz (default 100) */
  sampleRate?: number;
  /** s of rest between gestures: uniform in [min, max] (default [1.5, 3]) */
  gap?: readonly [number, number];
  /** default 1 */
  seed?: number;
  /** the wearer (default: one drawn from the seed) */
  person?: Person;
}

/** Where a gesture is in a stream: seconds from the first reading. */
export interface GestureTruth {
  readonly label: Gesture;
  readonly start: number;
  readonly end: number;
}

export interface GestureStream {
  readonly sampleRate: number;
  /** interleaved aX,aY,aZ (g), gX,gY,gZ (deg/s) */
  readonly samples: Float32Array;
  readonly truth: GestureTruth[];
}

/**
 * A continuous recording of one wearer: a resting wrist (tremor, slow drift) with gestures at known
 * times, for testing segmentation, classification and the live path end to end.
 * @example
 * const { samples, truth } = generateGestureStream({ gestures: ['punch', 'wave'], seed: 3 });
 */
export function generateGestureStream(options: GestureStreamOptions = {}): GestureStream {
  const sampleRate = requireInRange('generateGestureStream', 'sampleRate', options.sampleRate ?? 100, 20, 2000);
  const seed = requireInteger('generateGestureStream', 'seed', options.seed ?? 1, 0, 0xffffffff);
  const [minGap, maxGap] = options.gap ?? [1.5, 3];
  if (!(minGap >= 0.5 && maxGap >= minGap)) throw new ParameterError('generateGestureStream', 'gap', options.gap, 'seconds [min, max] with 0.5 <= min <= max');
  const gestures = options.gestures ?? GESTURES;
  gestures.forEach((g, i) => {
    if (!GESTURES.includes(g)) throw new ParameterError('generateGestureStream', `gestures[${i}]`, g, GESTURES.join(', '));
  });
  const random = createRandom(seed);
  const person = options.person ?? drawPerson(seed, random);
  const placed: PlacedMotion[] = [];
  const truth: GestureTruth[] = [];
  let t = minGap + (maxGap - minGap) * random.uniform();
  for (const label of gestures) {
    const motion = performMotion(label, person, 1, random);
    placed.push({ motion, start: t });
    truth.push({ label, start: t, end: t + motion.duration });
    t += motion.duration + minGap + (maxGap - minGap) * random.uniform();
  }
  const duration = t;
  placed.push({ motion: negativeMotion('still', duration, { speed: 1, amplitude: 1 }, random), start: 0 });
  return { sampleRate, samples: renderImu(placed, person, random, { sampleRate, duration }), truth };
}

/** A stream of a resting or gently moving wrist with no gesture: what a trigger must stay quiet on. */
export function generateIdleStream(duration: number, options: { sampleRate?: number; seed?: number } = {}): Float32Array {
  const sampleRate = options.sampleRate ?? 100;
  const random = createRandom(requireInteger('generateIdleStream', 'seed', options.seed ?? 1, 0, 0xffffffff));
  const person = drawPerson(0, random);
  const placed: PlacedMotion[] = [{ motion: negativeMotion('still', duration, { speed: 1, amplitude: 1 }, random), start: 0 }];
  // Slow repositioning of the arm now and then, as someone at a desk does: below any gesture's acceleration.
  for (let at = 2; at + 3 < duration; at += 4 + 2 * random.uniform()) {
    placed.push({ motion: negativeMotion('random', 3, { speed: 1, amplitude: 0.5 }, random), start: at });
  }
  return renderImu(placed, person, random, { sampleRate, duration });
}
