import { ParameterError } from '../errors.js';
import { describe, type Described, type PlanDescription } from '../plan.js';
import { rejectUnknownOptions, requirePositive } from '../validate.js';

/**
 * A cascade of second-order sections, the one IIR representation every design here produces (a biquad
 * is a one-section cascade). `sections` holds 6 numbers per section in scipy's order
 * `b0 b1 b2 a0 a1 a2`, with a0 = 1.
 */
export interface SosPlan<Options = unknown> extends Described<Options> {
  /** Hz: the rate the filter was designed for; streams at another rate are rejected */
  readonly sampleRate: number;
  readonly sections: Float64Array;
  readonly sectionCount: number;
}

export interface SosOptions {
  /** Hz */
  sampleRate: number;
  /** 6 numbers per section, `b0 b1 b2 a0 a1 a2` (scipy `output='sos'` flattened), a0 = 1 */
  sections: ArrayLike<number>;
}

const BLOCK = 'sos';

/**
 * Wraps coefficients designed elsewhere (e.g. scipy `butter(..., output='sos').ravel()`) as a plan.
 * @example
 * const plan = createSosPlan({ sampleRate: 100, sections: [0.2, 0.4, 0.2, 1, -0.37, 0.2] });
 * new SosFilter(plan).process(input, out);
 */
export function createSosPlan(options: SosOptions): SosPlan<{ sampleRate: number; sections: number[] }> {
  rejectUnknownOptions(BLOCK, options, ['sampleRate', 'sections']);
  const sampleRate = requirePositive(BLOCK, 'sampleRate', options.sampleRate);
  const raw = options.sections as unknown;
  const length = typeof raw === 'object' && raw !== null && 'length' in raw ? (raw as ArrayLike<number>).length : undefined;
  if (typeof length !== 'number' || length === 0 || length % 6 !== 0) {
    throw new ParameterError(BLOCK, 'sections.length', length, 'a non-empty multiple of 6 (b0 b1 b2 a0 a1 a2 per section)');
  }
  const sections = Float64Array.from(raw as ArrayLike<number>);
  for (let i = 0; i < sections.length; i++) {
    if (!Number.isFinite(sections[i])) throw new ParameterError(BLOCK, `sections[${i}]`, sections[i], 'a finite number');
    if (i % 6 === 3 && sections[i] !== 1) {
      throw new ParameterError(BLOCK, `sections[${i}]`, sections[i], 'a0 = 1 (normalize each section by its a0)');
    }
  }
  return sosPlan(describe(BLOCK, 1, { sampleRate, sections: Array.from(sections) }), sampleRate, sections);
}

/** Assembles a plan from already-checked sections (the designers call this after validating). */
export function sosPlan<Options>(description: PlanDescription<Options>, sampleRate: number, sections: Float64Array): SosPlan<Options> {
  return { description, sampleRate, sections, sectionCount: sections.length / 6 };
}

/**
 * Streaming SOS cascade in transposed direct form II. State is kept in float64 per channel and per
 * section, so a chunked stream gives exactly the samples of one whole-signal call.
 * @example
 * const filter = new SosFilter(createButterworthPlan({ type: 'lowpass', order: 4, sampleRate: 16000, cutoff: 1000 }));
 * filter.process(chunk, chunk); // in place
 */
export class SosFilter {
  private readonly coefficients: Float64Array;
  /** [channel][section][z1, z2] */
  private readonly state: Float64Array;

  constructor(
    readonly plan: SosPlan,
    readonly channels = 1,
  ) {
    this.coefficients = plan.sections;
    this.state = new Float64Array(2 * plan.sectionCount * channels);
  }

  /**
   * Filters interleaved samples (`channels` per frame) into `out`, which may be `input`. Float64 buffers
   * are accepted for offline work that must not round between passes. No validation, no allocation.
   */
  process(input: Float32Array | Float64Array, out: Float32Array | Float64Array): void {
    const c = this.coefficients;
    const z = this.state;
    const channels = this.channels;
    const sections = this.plan.sectionCount;
    const stride = 2 * sections;
    for (let frame = 0; frame < input.length; frame += channels) {
      for (let ch = 0, at0 = 0; ch < channels; ch++, at0 += stride) {
        let x = input[frame + ch]!;
        for (let k = 0, at = at0; k < 6 * sections; k += 6, at += 2) {
          const y = c[k]! * x + z[at]!;
          z[at] = c[k + 1]! * x - c[k + 4]! * y + z[at + 1]!;
          z[at + 1] = c[k + 2]! * x - c[k + 5]! * y;
          x = y;
        }
        out[frame + ch] = x;
      }
    }
  }

  /** Sets one channel's state: 2 numbers per section (scipy `zi` layout, e.g. from `sosSteadyState`). */
  setState(state: ArrayLike<number>, channel = 0): void {
    this.state.set(state, 2 * this.plan.sectionCount * channel);
  }

  /** Zeroes every channel's state, as at the start of a stream. */
  reset(): void {
    this.state.fill(0);
  }
}

/**
 * Initial state of each section for a steady unit-step input (scipy `sosfilt_zi`): multiply by the
 * first sample to start a filter without its step transient. 2 numbers per section.
 */
export function sosSteadyState(plan: SosPlan): Float64Array {
  const c = plan.sections;
  const zi = new Float64Array(2 * plan.sectionCount);
  let gain = 1;
  for (let s = 0; s < plan.sectionCount; s++) {
    const k = 6 * s;
    const b0 = c[k]!;
    const b1 = c[k + 1]!;
    const b2 = c[k + 2]!;
    const a0 = c[k + 3]!;
    const a1 = c[k + 4]!;
    const a2 = c[k + 5]!;
    // Solves (I - A^T) zi = b[1:] - a[1:] b0 for the 2x2 companion matrix of this section.
    const u = b1 - a1 * b0;
    const v = b2 - a2 * b0;
    const z0 = (u + v) / (a0 + a1 + a2);
    zi[2 * s] = gain * z0;
    zi[2 * s + 1] = gain * (v - a2 * z0);
    gain *= (b0 + b1 + b2) / (a0 + a1 + a2);
  }
  return zi;
}
