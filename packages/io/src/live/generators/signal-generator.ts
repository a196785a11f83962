import type { SignalComponent } from './signal-component.js';
import type { ResolvedComponent, SignalPlan } from './signal-plan.js';
import { ChirpComponent } from './chirp.js';
import { ImpulseTrainComponent } from './impulse-train.js';
import { PinkNoiseComponent } from './pink-noise.js';
import { SineComponent } from './sine.js';
import { WhiteNoiseComponent } from './white-noise.js';

/**
 * The pure core of every generator: fills interleaved Float32 frames for any sample index. The samples
 * depend on the index alone (noise terms replay their seeded sequence), so a stream cut into chunks of
 * any size equals the signal generated in one block. One generator per stream: noise terms keep state.
 * @example
 * const generator = new SignalGenerator(createSignalPlan({ type: 'sine', frequency: 440 }, { sampleRate: 16000 }));
 * const block = new Float32Array(1024);
 * generator.fill(block, 0); // samples 0..1023; then generator.fill(block, 1024) ...
 */
export class SignalGenerator {
  private readonly terms: readonly (readonly SignalComponent[])[];

  constructor(readonly plan: SignalPlan) {
    this.terms = plan.perChannel.map((list) => list.map((term) => createComponent(term, plan.sampleRate)));
  }

  /** Writes frames `index .. index + frames - 1` (default: as many as `out` holds) into `out`, interleaved. */
  fill(out: Float32Array, index: number, frames = Math.floor(out.length / this.plan.channels)): void {
    const channels = this.plan.channels;
    out.fill(0, 0, frames * channels);
    for (let c = 0; c < channels; c++) {
      for (const term of this.terms[c]!) term.add(out, index, frames, channels, c);
    }
  }
}

/** `frames` frames of the planned signal from sample `index`, in a new interleaved array. */
export function generateSignal(plan: SignalPlan, index: number, frames: number): Float32Array {
  const out = new Float32Array(frames * plan.channels);
  new SignalGenerator(plan).fill(out, index, frames);
  return out;
}

function createComponent(term: ResolvedComponent, sampleRate: number): SignalComponent {
  switch (term.type) {
    case 'sine':
      return new SineComponent(term.frequency, term.amplitude, term.phase, sampleRate);
    case 'chirp':
      return new ChirpComponent(term.f0, term.f1, term.duration, term.method, term.amplitude, term.phase, sampleRate);
    case 'white':
      return new WhiteNoiseComponent(term.amplitude, term.distribution, term.seed);
    case 'pink':
      return new PinkNoiseComponent(term.amplitude, term.seed);
    case 'impulse':
      return new ImpulseTrainComponent(term.rate, term.amplitude, term.jitter, term.seed, sampleRate);
  }
}
