import { createRandom, describe, ParameterError, rejectUnknownOptions, requireInRange, requireInteger, requirePositive, type PlanDescription, type Random } from '@sensorkit/dsp';
import { MotionTrigger } from '../segment/motion-trigger.js';
import { createTriggerPlan, type TriggerPlan } from '../segment/trigger-plan.js';
import { GENERATED_LABELS, gestureMotion, NEGATIVE_KINDS, NEGATIVE_LABEL, negativeMotion, type GeneratedLabel, type Motion } from './motions.js';
import { drawPerson, type Person } from './person.js';
import { renderImu } from './render-imu.js';

export interface GestureSetOptions {
  /** wearers, each with their own tempo, size, wrist pose and board (default 12) */
  persons?: number;
  /** examples of each label per person (default 10) */
  perPerson?: number;
  /** Hz (default 100) */
  sampleRate?: number;
  /** labels to make (default all: the six gestures and idle) */
  labels?: readonly GeneratedLabel[];
  /** capture window and pre-trigger, s: each example is cut as the motion trigger cuts it (defaults 1.5, 0.25) */
  window?: number;
  preTrigger?: number;
  /** the trigger's threshold, g (default 0.3) */
  threshold?: number;
  /** default 1 */
  seed?: number;
  /** first person id (default 0): sets generated apart from each other keep distinct persons */
  firstPerson?: number;
}

/** One generated example: a capture window of 6-axis readings (aX..aZ in g, gX..gZ in deg/s). */
export interface GeneratedExample {
  readonly label: GeneratedLabel;
  readonly person: number;
  readonly samples: Float32Array;
  /** whether the motion trigger fired on it (idle mostly does not; then the window is cut at random) */
  readonly triggered: boolean;
}

export interface GestureSet {
  readonly sampleRate: number;
  readonly examples: GeneratedExample[];
  readonly persons: Person[];
  readonly description: PlanDescription;
}

export const IMU_AXES = ['aX', 'aY', 'aZ', 'gX', 'gY', 'gZ'] as const;
const BLOCK = 'gesture-generator';
const KNOWN = ['persons', 'perPerson', 'sampleRate', 'labels', 'window', 'preTrigger', 'threshold', 'seed', 'firstPerson'];
// Rest before and after each motion, s: the trigger's gravity estimate settles and the pre-trigger ring fills.
const LEAD = 0.8;

/**
 * Synthetic gesture examples for training and tests: per person, `perPerson` performances of each label,
 * each rendered with rest around it and cut by the same motion trigger that runs at classification
 * time, so the training windows line up with what the trigger delivers live.
 * @example
 * const set = generateGestureSet({ persons: 4, perPerson: 5, seed: 7 });
 * set.examples.length; // 4 * 5 * 7
 */
export function generateGestureSet(options: GestureSetOptions = {}): GestureSet {
  rejectUnknownOptions(BLOCK, options, KNOWN);
  const persons = requireInteger(BLOCK, 'persons', options.persons ?? 12, 1, 10000);
  const perPerson = requireInteger(BLOCK, 'perPerson', options.perPerson ?? 10, 1, 100000);
  const sampleRate = requireInRange(BLOCK, 'sampleRate', options.sampleRate ?? 100, 20, 2000);
  const seed = requireInteger(BLOCK, 'seed', options.seed ?? 1, 0, 0xffffffff);
  const firstPerson = requireInteger(BLOCK, 'firstPerson', options.firstPerson ?? 0, 0, 1e9);
  const labels = options.labels ?? GENERATED_LABELS;
  if (!Array.isArray(labels) || labels.length === 0 || labels.some((l) => !GENERATED_LABELS.includes(l))) {
    throw new ParameterError(BLOCK, 'labels', labels, `a non-empty list of ${GENERATED_LABELS.join(', ')}`);
  }
  const plan = createTriggerPlan({
    sampleRate,
    channels: 6,
    window: requirePositive(BLOCK, 'window', options.window ?? 1.5),
    preTrigger: options.preTrigger ?? 0.25,
    threshold: options.threshold ?? 0.3,
  });
  const examples: GeneratedExample[] = [];
  const people: Person[] = [];
  for (let p = 0; p < persons; p++) {
    const id = firstPerson + p;
    // Each person draws from their own stream: person k is the same whatever the set's size.
    const random = createRandom((seed * 0x9e3779b1 + id * 0x85ebca6b) >>> 0);
    const person = drawPerson(id, random);
    people.push(person);
    for (let k = 0; k < perPerson; k++) {
      for (const label of labels) examples.push(renderExample(label, person, plan, random));
    }
  }
  const description = describe(BLOCK, 1, { persons, perPerson, sampleRate, labels: [...labels], window: plan.windowSamples / sampleRate, preTrigger: plan.preSamples / sampleRate, threshold: plan.threshold, seed, firstPerson });
  return { sampleRate, examples, persons: people, description };
}

/** A motion for `label` as `person` performs it this time (their tempo and size, +-10% from try to try). */
export function performMotion(label: GeneratedLabel, person: Person, duration: number, random: Random): Motion {
  const performance = { speed: person.speed * (0.9 + 0.2 * random.uniform()), amplitude: person.amplitude * (0.9 + 0.2 * random.uniform()) };
  if (label === NEGATIVE_LABEL) return negativeMotion(NEGATIVE_KINDS[Math.floor(random.uniform() * NEGATIVE_KINDS.length)]!, duration, performance, random);
  return gestureMotion(label, performance, random);
}

function renderExample(label: GeneratedLabel, person: Person, plan: TriggerPlan, random: Random): GeneratedExample {
  const window = plan.windowSamples / plan.sampleRate;
  const motion = performMotion(label, person, window + 0.5, random);
  // Long enough for a whole capture after the motion starts, however short the motion.
  const duration = LEAD + Math.max(motion.duration, window) + LEAD;
  const readings = renderImu([{ motion, start: LEAD }], person, random, { sampleRate: plan.sampleRate, duration });
  const frames = readings.length / 6;
  let capture: Float32Array | undefined;
  const trigger = new MotionTrigger(plan);
  trigger.push(readings, (c) => (capture ??= c.samples));
  if (capture) return { label, person: person.id, samples: capture, triggered: true };
  // No trigger (a still wrist, a gentle motion): a window from where the motion is.
  const start = Math.min(frames - plan.windowSamples, Math.round((LEAD - 0.2 * random.uniform()) * plan.sampleRate));
  return { label, person: person.id, samples: readings.slice(start * 6, (start + plan.windowSamples) * 6), triggered: false };
}
