import { describe, type Described } from '../plan.js';
import { requireBoolean, requireOneOf, requirePowerOfTwo, rejectUnknownOptions } from '../validate.js';

export const SPECTRUM_KINDS = ['power', 'magnitude'] as const;
/** What a spectrum frame holds: |X[k]|² ('power', as `powerSpectrum` writes) or |X[k]| ('magnitude'). */
export type SpectrumKind = (typeof SPECTRUM_KINDS)[number];

export interface SpectralFluxOptions {
  /** FFT size in samples (power of two, 2..65536): spectra hold fftSize / 2 + 1 bins */
  fftSize: number;
  /** what the input spectra hold; default 'power' (magnitude is derived as √power) */
  input?: SpectrumKind;
  /** scale each magnitude spectrum to unit L2 norm before differencing (level-invariant flux); default false */
  normalize?: boolean;
}

export interface SpectralFluxPlan extends Described<Required<SpectralFluxOptions>> {
  readonly fftSize: number;
  readonly bins: number;
  readonly input: SpectrumKind;
  readonly normalize: boolean;
}

const BLOCK = 'spectralFlux';

/**
 * Plans spectral flux: flux_t = √(Σ_k max(|X_t[k]| − |X_{t−1}[k]|, 0)²), the L2 norm of the
 * half-wave-rectified magnitude difference between consecutive frames (Essentia `Flux` with
 * `norm: 'L2', halfRectify: true`; Tzanetakis & Cook 1999 use the unrectified difference, Dixon 2006 the
 * L1 norm). With `normalize`, each magnitude spectrum is first divided by its L2 norm (an all-zero
 * spectrum stays zero), so flux lies in [0, √2] whatever the level.
 * @example
 * const flux = new SpectralFlux(createSpectralFluxPlan({ fftSize: 512 }));
 * flux.process(power); // 0 for the first frame after construction or reset()
 */
export function createSpectralFluxPlan(options: SpectralFluxOptions): SpectralFluxPlan {
  rejectUnknownOptions(BLOCK, options, ['fftSize', 'input', 'normalize']);
  const fftSize = requirePowerOfTwo(BLOCK, 'fftSize', options.fftSize, 2, 65536);
  const input = requireOneOf(BLOCK, 'input', options.input ?? 'power', SPECTRUM_KINDS);
  const normalize = requireBoolean(BLOCK, 'normalize', options.normalize ?? false);
  return { description: describe(BLOCK, 1, { fftSize, input, normalize }), fftSize, bins: fftSize / 2 + 1, input, normalize };
}

/**
 * Streaming spectral flux: holds the previous frame's magnitudes (float64). The first frame after
 * construction or `reset()` has no predecessor and gives 0. Allocation-free after construction.
 */
export class SpectralFlux {
  private readonly previous: Float64Array;
  private readonly current: Float64Array;
  private primed = false;

  constructor(readonly plan: SpectralFluxPlan) {
    this.previous = new Float64Array(plan.bins);
    this.current = new Float64Array(plan.bins);
  }

  /** Forget the previous frame: the next frame's flux is 0. */
  reset(): void {
    this.primed = false;
  }

  /** Flux of `spectrum` (plan.bins values, power or magnitude as planned) against the previous frame. */
  process(spectrum: Float32Array): number {
    const m = this.current;
    if (this.plan.input === 'power') {
      for (let k = 0; k < m.length; k++) m[k] = Math.sqrt(spectrum[k]!);
    } else {
      for (let k = 0; k < m.length; k++) m[k] = spectrum[k]!;
    }
    return this.processMagnitude(m);
  }

  /** Same as `process` for a magnitude spectrum already in float64 (shared with the feature extractor). */
  processMagnitude(magnitude: Float64Array): number {
    const prev = this.previous;
    const bins = prev.length;
    let scale = 1;
    if (this.plan.normalize) {
      let energy = 0;
      for (let k = 0; k < bins; k++) energy += magnitude[k]! * magnitude[k]!;
      scale = energy > 0 ? 1 / Math.sqrt(energy) : 0;
    }
    let sum = 0;
    for (let k = 0; k < bins; k++) {
      const v = magnitude[k]! * scale;
      const rise = v - prev[k]!;
      if (rise > 0) sum += rise * rise;
      prev[k] = v;
    }
    const flux = this.primed ? Math.sqrt(sum) : 0;
    this.primed = true;
    return flux;
  }
}
