import type { MachinePlan } from './machine-plan.js';
import { randomAt, SEED_STREAMS } from './seed-hash.js';
import { severityAt } from './severity.js';
import { loadAt, revolutionsAt, timeAtRevolutions } from './speed-profile.js';

/**
 * Localized bearing faults as trains of impacts, each ringing the structure's resonances (the model of
 * McFadden & Smith and of Randall & Antoni's tutorial): impact k falls where the fault's angle reaches
 * k + jitter, so the mean rate is the kinematic defect frequency and each impact moves by a random
 * fraction of the period (rolling-element slip). Inner-race impacts are amplitude-modulated as the
 * defect turns through the load zone with the shaft; ball impacts as the ball turns with the cage, and
 * alternate between the outer-race (strong) and inner-race (weaker) contact.
 */
export interface ImpactTrain {
  /** impacts per shaft revolution */
  readonly perRevolution: number;
  /** modulation cycles per shaft revolution (1 = shaft, FTF/fr = cage, 0 = none) */
  readonly modulationPerRevolution: number;
  /** modulation depth: impact amplitude spans [1 - depth, 1] of the peak */
  readonly depth: number;
  /** amplitude of odd impacts relative to even ones */
  readonly oddGain: number;
}

/** One damped mode: gain * exp(-decay t) * sin(omega t), t in s after the impact. */
interface Mode {
  readonly gain: number;
  readonly decay: number;
  readonly omega: number;
}

/** Resonance response precomputed for one sample rate. */
export interface Ringing {
  readonly sampleRate: number;
  readonly modes: readonly Mode[];
  /** samples until the slowest mode has decayed by 100 dB */
  readonly length: number;
}

/** Largest timing jitter (fraction of a period): keeps impacts in order and the search window finite. */
const MAX_JITTER = 0.4;
/** Random spread of impact amplitudes (SD, fraction of the peak). */
const AMPLITUDE_SPREAD = 0.1;

/** The impact train of a machine's bearing fault, or undefined for faults that are not localized bearing defects. */
export function impactTrain(plan: MachinePlan): ImpactTrain | undefined {
  const { shaft, bpfo, bpfi, bsf, ftf } = plan.frequencies;
  switch (plan.fault) {
    case 'outer-race':
      // A stationary defect in the load zone: every ball strikes it with about the same force.
      return { perRevolution: bpfo / shaft, modulationPerRevolution: 0, depth: 0, oddGain: 1 };
    case 'inner-race':
      return { perRevolution: bpfi / shaft, modulationPerRevolution: 1, depth: 0.8, oddGain: 1 };
    case 'ball':
      return { perRevolution: (2 * bsf) / shaft, modulationPerRevolution: ftf / shaft, depth: 0.6, oddGain: 0.5 };
    default:
      return undefined;
  }
}

/** Precomputes the resonances' impulse response at a sample rate (checked against Nyquist by the caller). */
export function createRinging(plan: MachinePlan, sampleRate: number): Ringing {
  const modes = plan.resonances.map((r) => {
    const omega0 = 2 * Math.PI * r.hz;
    return { gain: r.gain, decay: r.damping * omega0, omega: omega0 * Math.sqrt(1 - r.damping * r.damping) };
  });
  const slowest = Math.min(...modes.map((m) => m.decay));
  return { sampleRate, modes, length: Math.ceil((Math.log(1e5) / slowest) * sampleRate) + 1 };
}

/**
 * Adds the impacts that ring into samples [index, index + frames) to `acc` (acc[0] is sample `index`).
 * Depends on nothing but the plan and the sample positions, so any chunking gives the same sum.
 */
export function addImpacts(plan: MachinePlan, train: ImpactTrain, ringing: Ringing, index: number, frames: number, acc: Float64Array): void {
  const fs = ringing.sampleRate;
  const end = index + frames;
  const first = Math.max(0, Math.ceil(train.perRevolution * revolutionsAt(plan.speed, (index - ringing.length - 1) / fs) - MAX_JITTER));
  const last = Math.floor(train.perRevolution * revolutionsAt(plan.speed, end / fs) + MAX_JITTER);
  for (let k = first; k <= last; k++) {
    const random = randomAt(plan.seed, SEED_STREAMS.impacts, k);
    const shift = Math.max(-MAX_JITTER, Math.min(MAX_JITTER, plan.jitter * random.gaussian()));
    const spread = Math.max(0.5, 1 + AMPLITUDE_SPREAD * random.gaussian());
    const t = timeAtRevolutions(plan.speed, (k + shift) / train.perRevolution);
    if (t < 0) continue;
    const start = Math.ceil(t * fs);
    if (start >= end || start + ringing.length <= index) continue;
    const severity = severityAt(plan.severity, t);
    if (severity === 0) continue;
    const revolutions = revolutionsAt(plan.speed, t);
    const modulation = 1 - train.depth / 2 + (train.depth / 2) * Math.cos(2 * Math.PI * train.modulationPerRevolution * revolutions);
    const amplitude = plan.faultGain * severity * loadFactor(loadAt(plan.speed, t)) * modulation * spread * (k % 2 === 1 ? train.oddGain : 1);
    const from = Math.max(start, index);
    const to = Math.min(start + ringing.length, end);
    for (let n = from; n < to; n++) {
      const tau = n / fs - t;
      let v = 0;
      for (const mode of ringing.modes) v += mode.gain * Math.exp(-mode.decay * tau) * Math.sin(mode.omega * tau);
      acc[n - index] = acc[n - index]! + amplitude * v;
    }
  }
}

/** How load scales force-driven signatures (bearing impacts, gear mesh): 1 at load 0.5. */
export function loadFactor(load: number): number {
  return 0.5 + load;
}
