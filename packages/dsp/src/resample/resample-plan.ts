import { describe, type Described } from '../plan.js';
import { ParameterError } from '../errors.js';
import { requireInRange, requireInteger, rejectUnknownOptions } from '../validate.js';
import { kaiserLowpass } from './kaiser-fir.js';

export interface ResampleOptions {
  /** input sample rate in Hz: a positive integer */
  from: number;
  /** output sample rate in Hz: a positive integer */
  to: number;
  /** Kaiser window shape of the anti-aliasing filter; default 5 (as scipy.signal.resample_poly) */
  kaiserBeta?: number;
}

export interface ResamplePlan extends Described<Required<ResampleOptions>> {
  /** upsampling factor after reducing to/from by their gcd */
  readonly up: number;
  /** downsampling factor after reducing to/from by their gcd */
  readonly down: number;
  /** filter half-length in upsampled samples: 10 * max(up, down) (0 when up = down = 1) */
  readonly halfLength: number;
  /** taps per polyphase branch: every output sample costs `tapsPerPhase` multiply-adds per channel */
  readonly tapsPerPhase: number;
  /**
   * Polyphase table, `up` rows of `tapsPerPhase`: row r holds h[r], h[r + up], h[r + 2 up], ... of the
   * prototype filter h (zero past its end), so that an output sample is one dot product with recent input.
   */
  readonly phases: Float64Array;
}

const BLOCK = 'resample';
/** Largest reduced factor accepted: the prototype filter has 20 * max(up, down) + 1 taps. */
export const MAX_RESAMPLE_FACTOR = 10000;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Plans a rational resampler from `from` Hz to `to` Hz: the ratio is reduced by the gcd to up/down and
 * the anti-aliasing filter is designed exactly as scipy.signal.resample_poly does by default (Kaiser
 * window beta 5, half-length 10 * max(up, down), cutoff 1 / max(up, down) of Nyquist, gain up).
 * @example
 * const plan = createResamplePlan({ from: 44100, to: 16000 }); // plan.up = 160, plan.down = 441
 * const y = resampleSignal(plan, x);                           // y.length = ceil(x.length * 160 / 441)
 */
export function createResamplePlan(options: ResampleOptions): ResamplePlan {
  rejectUnknownOptions(BLOCK, options, ['from', 'to', 'kaiserBeta']);
  const from = requireInteger(BLOCK, 'from', options.from, 1, 10_000_000, 'Hz');
  const to = requireInteger(BLOCK, 'to', options.to, 1, 10_000_000, 'Hz');
  const kaiserBeta = requireInRange(BLOCK, 'kaiserBeta', options.kaiserBeta ?? 5, 0, 40);
  const g = gcd(from, to);
  const up = to / g;
  const down = from / g;
  if (Math.max(up, down) > MAX_RESAMPLE_FACTOR) {
    throw new ParameterError(
      BLOCK,
      'to',
      to,
      `a rate whose ratio to ${from} Hz reduces to up/down with both <= ${MAX_RESAMPLE_FACTOR} (got ${up}/${down})`,
    );
  }
  const description = describe(BLOCK, 1, { from, to, kaiserBeta });
  if (up === 1 && down === 1) {
    return { description, up, down, halfLength: 0, tapsPerPhase: 1, phases: Float64Array.of(1) };
  }
  const maxRate = Math.max(up, down);
  const halfLength = 10 * maxRate;
  const h = kaiserLowpass(halfLength, 1 / maxRate, kaiserBeta, up);
  const tapsPerPhase = Math.ceil(h.length / up);
  const phases = new Float64Array(up * tapsPerPhase);
  for (let r = 0; r < up; r++) {
    for (let j = 0; j < tapsPerPhase; j++) {
      const k = r + j * up;
      phases[r * tapsPerPhase + j] = k < h.length ? h[k]! : 0;
    }
  }
  return { description, up, down, halfLength, tapsPerPhase, phases };
}

/** Output length in samples (per channel) for a whole signal of `inputLength` samples: ceil(n * up / down). */
export function resampledLength(plan: ResamplePlan, inputLength: number): number {
  return Math.ceil((inputLength * plan.up) / plan.down);
}
