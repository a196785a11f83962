import type { SignalComponent } from './signal-component.js';

/**
 * A frequency sweep (scipy.signal.chirp's phase laws, with sine instead of cosine so it starts like
 * SineComponent): linear f(t) = f0 + (f1 - f0) t / T, phase 2 pi (f0 t + (f1 - f0) t^2 / 2T);
 * logarithmic f(t) = f0 (f1 / f0)^(t / T), phase 2 pi f0 T (k^(t/T) - 1) / ln k with k = f1 / f0.
 * The sweep restarts every round(T * sampleRate) samples, so an endless source keeps sweeping.
 */
export class ChirpComponent implements SignalComponent {
  private readonly period: number;
  private readonly phaseRad: number;
  private readonly cycles: (t: number) => number;

  constructor(
    f0: number,
    f1: number,
    duration: number,
    method: 'linear' | 'logarithmic',
    private readonly amplitude: number,
    phaseDegrees: number,
    private readonly sampleRate: number,
  ) {
    this.period = Math.max(1, Math.round(duration * sampleRate));
    this.phaseRad = (phaseDegrees * Math.PI) / 180;
    if (method === 'logarithmic' && f0 !== f1) {
      const k = f1 / f0;
      const scale = (f0 * duration) / Math.log(k);
      this.cycles = (t) => scale * (Math.pow(k, t / duration) - 1);
    } else {
      const rate = (f1 - f0) / (2 * duration);
      this.cycles = (t) => t * (f0 + rate * t);
    }
  }

  add(out: Float32Array, index: number, frames: number, stride: number, offset: number): void {
    for (let f = 0, i = offset; f < frames; f++, i += stride) {
      const n = index + f;
      const c = this.cycles((n % this.period) / this.sampleRate);
      out[i] += this.amplitude * Math.sin(2 * Math.PI * (c - Math.floor(c)) + this.phaseRad);
    }
  }
}
