import { createRandom, type Random } from '@sensorkit/dsp';
import { SequentialComponent } from './signal-component.js';

/**
 * Seeded white noise from createRandom: gaussian with standard deviation `amplitude`, or uniform in
 * [-amplitude, amplitude).
 */
export class WhiteNoiseComponent extends SequentialComponent {
  private random: Random;

  constructor(
    private readonly amplitude: number,
    private readonly distribution: 'gaussian' | 'uniform',
    private readonly seed: number,
  ) {
    super();
    this.random = createRandom(seed);
  }

  protected reset(): void {
    this.random = createRandom(this.seed);
  }

  protected step(): number {
    return this.distribution === 'gaussian' ? this.amplitude * this.random.gaussian() : this.amplitude * (2 * this.random.uniform() - 1);
  }
}
