import type { SignalComponent } from './signal-component.js';

/**
 * amplitude * sin(2 pi frequency n / sampleRate + phase), phase in degrees. The phase is reduced to one
 * cycle before the sine, so sample 10^9 is as exact as sample 10.
 */
export class SineComponent implements SignalComponent {
  private readonly cyclesPerSample: number;
  private readonly phaseRad: number;

  constructor(
    frequency: number,
    private readonly amplitude: number,
    phaseDegrees: number,
    sampleRate: number,
  ) {
    this.cyclesPerSample = frequency / sampleRate;
    this.phaseRad = (phaseDegrees * Math.PI) / 180;
  }

  add(out: Float32Array, index: number, frames: number, stride: number, offset: number): void {
    for (let f = 0, i = offset; f < frames; f++, i += stride) {
      const cycles = this.cyclesPerSample * (index + f);
      out[i] += this.amplitude * Math.sin(2 * Math.PI * (cycles - Math.floor(cycles)) + this.phaseRad);
    }
  }
}
