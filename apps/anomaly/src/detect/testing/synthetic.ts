import { createRandom } from '@sensorkit/dsp';

/** A fault added to the synthetic machine. */
export type SyntheticFault =
  /** impacts at `rate` Hz ringing a resonance (a localized bearing defect), amplitude in g */
  | { kind: 'impacts'; rate: number; amplitude: number; modulationHz?: number }
  /** extra 1x shaft tone in phase with the machine's own, amplitude in g */
  | { kind: 'imbalance'; amplitude: number };

export interface SyntheticOptions {
  /** Hz */
  sampleRate: number;
  /** s */
  duration: number;
  seed: number;
  /** Hz; default 30 */
  shaftHz?: number;
  /** broadband noise RMS, g; default 0.05 */
  noise?: number;
  /** structural resonance the impacts ring, Hz; default 0.3 of the rate */
  resonanceHz?: number;
  fault?: SyntheticFault;
  /** from this time on (s) the fault is present; default 0 */
  onset?: number;
  /** axes; each gets its own noise and a scaled copy of the machine signal; default 1 */
  channels?: number;
}

/**
 * Simple vibration for unit tests (interleaved, g): shaft harmonics with a random phase and a few per
 * cent of speed and level variation per run, broadband noise, and optionally a fault from `onset` on.
 */
export function syntheticVibration(options: SyntheticOptions): Float32Array {
  const { sampleRate, duration, seed } = options;
  const random = createRandom(seed);
  const channels = options.channels ?? 1;
  const n = Math.round(sampleRate * duration);
  const shaft = (options.shaftHz ?? 30) * (1 + 0.01 * random.gaussian());
  const level = 1 + 0.05 * random.gaussian();
  const noise = options.noise ?? 0.05;
  const resonance = options.resonanceHz ?? 0.3 * sampleRate;
  const onset = options.onset ?? 0;
  const harmonics = [0.2, 0.08, 0.04].map((a) => ({ a: a * level, phase: 2 * Math.PI * random.uniform() }));
  const machine = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    let v = 0;
    harmonics.forEach((h, k) => (v += h.a * Math.sin(2 * Math.PI * (k + 1) * shaft * t + h.phase)));
    machine[i] = v;
  }
  const fault = options.fault;
  if (fault?.kind === 'imbalance') {
    // In phase with the 1x tone: imbalance raises the once-per-revolution force.
    const phase = harmonics[0]!.phase;
    for (let i = Math.round(onset * sampleRate); i < n; i++) machine[i] += fault.amplitude * Math.sin((2 * Math.PI * shaft * i) / sampleRate + phase);
  } else if (fault?.kind === 'impacts') {
    const decay = 0.002 * sampleRate;
    const ring = Math.round(6 * decay);
    for (let t = onset + random.uniform() / fault.rate; t < duration; t += (1 + 0.01 * random.gaussian()) / fault.rate) {
      const start = Math.round(t * sampleRate);
      const mod = fault.modulationHz ? 0.5 * (1 + Math.cos(2 * Math.PI * fault.modulationHz * t)) : 1;
      for (let j = 0; j < ring && start + j < n; j++) {
        machine[start + j] += fault.amplitude * mod * Math.exp(-j / decay) * Math.sin((2 * Math.PI * resonance * j) / sampleRate);
      }
    }
  }
  const out = new Float32Array(n * channels);
  for (let c = 0; c < channels; c++) {
    const gain = 1 / (1 + c);
    for (let i = 0; i < n; i++) out[i * channels + c] = gain * machine[i]! + noise * random.gaussian();
  }
  return out;
}
