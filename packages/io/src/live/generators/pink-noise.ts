import { createRandom, type Random } from '@sensorkit/dsp';
import { SequentialComponent } from './signal-component.js';

/*
 * Paul Kellet's "refined" pink filter (musicdsp.org, 1999): six one-pole sections and a direct path over
 * gaussian white noise, within +-0.05 dB of -10 dB/decade above 9.2 Hz at 44.1 kHz. The poles are fixed
 * per sample, so at another rate the 1/f band scales with it: from about 2.1e-4 * sampleRate to Nyquist.
 */
const POLES = [0.99886, 0.99332, 0.969, 0.8665, 0.55, -0.7616];
const GAINS = [0.0555179, 0.0750759, 0.153852, 0.3104856, 0.5329522, -0.016898];
const DIRECT = 0.5362;
const DELAYED = 0.115926;

/**
 * Sum of the squared impulse response of the filter above: its output variance for unit-variance input,
 * used to scale the output to an RMS of `amplitude`. The sections' response is g[n] = sum c_i a_i^n;
 * the direct path adds DIRECT at n = 0 and DELAYED at n = 1.
 */
export function pinkFilterPowerGain(): number {
  let sections = 0;
  for (let i = 0; i < POLES.length; i++) {
    for (let j = 0; j < POLES.length; j++) sections += (GAINS[i]! * GAINS[j]!) / (1 - POLES[i]! * POLES[j]!);
  }
  const g0 = GAINS.reduce((s, c) => s + c, 0);
  const g1 = GAINS.reduce((s, c, i) => s + c * POLES[i]!, 0);
  return sections + 2 * DIRECT * g0 + DIRECT * DIRECT + 2 * DELAYED * g1 + DELAYED * DELAYED;
}

const NORM = 1 / Math.sqrt(pinkFilterPowerGain());

/** Seeded pink (1/f) noise with RMS `amplitude`: Kellet's filter over createRandom's gaussian noise. */
export class PinkNoiseComponent extends SequentialComponent {
  private random: Random;
  private readonly state = new Float64Array(POLES.length);
  private previous = 0;

  constructor(
    private readonly amplitude: number,
    private readonly seed: number,
  ) {
    super();
    this.random = createRandom(seed);
  }

  protected reset(): void {
    this.random = createRandom(this.seed);
    this.state.fill(0);
    this.previous = 0;
  }

  protected step(): number {
    const white = this.random.gaussian();
    let sum = DIRECT * white + DELAYED * this.previous;
    for (let i = 0; i < POLES.length; i++) {
      this.state[i] = POLES[i]! * this.state[i]! + GAINS[i]! * white;
      sum += this.state[i]!;
    }
    this.previous = white;
    return this.amplitude * NORM * sum;
  }
}
