import { ParameterError, requireInRange } from '@sensorkit/dsp';
import { BlockNoise } from './block-noise.js';
import { addImpacts, createRinging, impactTrain, loadFactor, type ImpactTrain, type Ringing } from './impacts.js';
import type { MachinePlan } from './machine-plan.js';
import { severityAt } from './severity.js';
import { loadAt, revolutionsAt, speedAt } from './speed-profile.js';

/** How much each of 1x..4x grows with misalignment, per unit of the fault gain: 2x leads (the classic 2x > 1x). */
const MISALIGNMENT_SHAPE = [0.3, 1, 0.45, 0.25] as const;
/** Gear mesh: shaft-rate amplitude modulation depth (sidebands at mesh +- shaft) and second mesh harmonic. */
const MESH_MODULATION = 0.3;
const MESH_SECOND_HARMONIC = 0.35;
/** Headroom for speed above its mean (drift and load changes stay well inside this). */
const SPEED_HEADROOM = 1.25;

/**
 * A machine's acceleration signal (g) at one sample rate, computed from the sample index alone: any
 * stretch can be filled in any order, and chunked filling equals one whole fill bit for bit.
 * The signal sums shaft harmonics 1x..4x (1x grows with imbalance and with speed squared, 2x..4x with
 * misalignment), an optional gear-mesh tone with shaft-rate sidebands scaled by load, broadband
 * Gaussian noise, and bearing-fault impacts ringing the structural resonances.
 * @example
 * const signal = new MachineSignal(createMachine({ fault: { kind: 'inner-race', severity: 0.3 } }), 12800);
 * const chunk = new Float32Array(1024);
 * signal.fill(chunk, 0, 1024); // samples 0..1023, g
 */
export class MachineSignal {
  private readonly ringing: Ringing;
  private readonly train: ImpactTrain | undefined;
  private readonly noise: BlockNoise;
  private readonly meshHarmonic: boolean;
  private acc = new Float64Array(0);

  constructor(
    readonly plan: MachinePlan,
    readonly sampleRate: number,
  ) {
    const block = 'machine-signal';
    const nyquist = requireInRange(block, 'sampleRate', sampleRate, 0, 1e7, { minExclusive: true, hint: 'Hz' }) / 2;
    const fastest = SPEED_HEADROOM * plan.shaftHz;
    if (4 * fastest >= nyquist) {
      throw new ParameterError(block, 'sampleRate', sampleRate, `> ${8 * fastest} Hz: the 4x shaft harmonic of ${plan.name} must stay below Nyquist`);
    }
    plan.resonances.forEach((r, i) => {
      if (r.hz >= nyquist) {
        throw new ParameterError(block, `${plan.name}.resonances[${i}].hz`, r.hz, `a frequency below Nyquist = ${nyquist} Hz at ${sampleRate} Hz (raise the rate or lower the resonance)`);
      }
    });
    if (plan.gearTeeth > 0 && (plan.gearTeeth + 1) * fastest >= nyquist) {
      throw new ParameterError(block, `${plan.name}.gearTeeth`, plan.gearTeeth, `a mesh frequency (teeth x ${plan.shaftHz} Hz, with sidebands) below Nyquist = ${nyquist} Hz`);
    }
    // The second mesh harmonic is left out where it would alias, rather than refusing the rate.
    this.meshHarmonic = 2 * plan.gearTeeth * fastest < nyquist;
    this.ringing = createRinging(plan, sampleRate);
    this.train = impactTrain(plan);
    this.noise = new BlockNoise(plan.seed);
  }

  /** Writes samples [index, index + frames) in g to out[0 .. frames - 1]. No validation, no allocation once warm. */
  fill(out: Float32Array, index: number, frames: number): void {
    if (this.acc.length < frames) this.acc = new Float64Array(frames);
    const acc = this.acc;
    this.addRotation(index, frames, acc);
    this.noise.add(this.plan.noise, index, frames, acc);
    if (this.train) addImpacts(this.plan, this.train, this.ringing, index, frames, acc);
    for (let i = 0; i < frames; i++) out[i] = acc[i]!;
  }

  /** Shaft harmonics and gear mesh, written (not added) to acc[0 .. frames - 1]. */
  private addRotation(index: number, frames: number, acc: Float64Array): void {
    const p = this.plan;
    const fs = this.sampleRate;
    const [h1, h2, h3, h4] = p.harmonics as [number, number, number, number];
    const [p1, p2, p3, p4] = p.harmonicPhases as [number, number, number, number];
    const [m1, m2, m3] = p.gearPhases;
    const z = p.gearTeeth;
    const imbalance = p.fault === 'imbalance' ? p.faultGain : 0;
    const misalignment = p.fault === 'misalignment' ? p.faultGain : 0;
    for (let i = 0; i < frames; i++) {
      const t = (index + i) / fs;
      const theta = 2 * Math.PI * revolutionsAt(p.speed, t);
      const s = imbalance + misalignment > 0 ? severityAt(p.severity, t) : 0;
      const relative = speedAt(p.speed, t) / p.shaftHz;
      // Unbalance force grows with the square of speed; it adds in phase to the residual unbalance.
      let v = (h1 + s * (imbalance + MISALIGNMENT_SHAPE[0] * misalignment)) * relative * relative * Math.sin(theta + p1);
      v += (h2 + s * MISALIGNMENT_SHAPE[1] * misalignment) * Math.sin(2 * theta + p2);
      v += (h3 + s * MISALIGNMENT_SHAPE[2] * misalignment) * Math.sin(3 * theta + p3);
      v += (h4 + s * MISALIGNMENT_SHAPE[3] * misalignment) * Math.sin(4 * theta + p4);
      if (z > 0) {
        const mesh = p.gearMesh * loadFactor(loadAt(p.speed, t));
        v += mesh * (1 + MESH_MODULATION * Math.cos(theta + m3)) * Math.sin(z * theta + m1);
        if (this.meshHarmonic) v += mesh * MESH_SECOND_HARMONIC * Math.sin(2 * z * theta + m2);
      }
      acc[i] = v;
    }
  }
}
