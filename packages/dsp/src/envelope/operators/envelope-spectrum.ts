import type { OperatorFunction } from 'rxjs';
import type { Frame } from '../../chunk.js';
import { InputError } from '../../errors.js';
import { frameOperator } from '../../operators/frame-operator.js';
import { rejectUnknownOptions, requirePowerOfTwo } from '../../validate.js';
import { computeEnvelopeSpectrum, createEnvelopeSpectrumPlan, type EnvelopeSpectrumOptions } from '../envelope-spectrum.js';

/** An envelope spectrum frame: `data[k]` is the value at `frequencies[k]` Hz (shared by every frame of a subscription). */
export interface EnvelopeSpectrumFrame extends Frame {
  readonly frequencies: Float32Array;
}

export type EnvelopeSpectrumOperatorOptions = Omit<EnvelopeSpectrumOptions, 'length' | 'sampleRate'>;

const BLOCK = 'envelopeSpectrum';

/**
 * Envelope spectrum of each mono frame (length and rate from the first frame). Options are checked
 * when the operator is built, so a bad option throws a ParameterError before any data flows.
 * @example
 * vibration$.pipe(frames({ length: 8192, hop: 4096 }), envelopeSpectrum({ window: 'hann' }))
 *   .subscribe((s) => console.log(s.frequencies[argmax(s.data)], 'Hz'));
 */
export function envelopeSpectrum(options: EnvelopeSpectrumOperatorOptions = {}): OperatorFunction<Frame, EnvelopeSpectrumFrame> {
  rejectUnknownOptions(BLOCK, options, ['fftSize', 'window', 'scaling', 'prefilter']);
  // A dry run on a tiny frame validates window, scaling and prefilter now; fftSize >= frame length waits for the first frame.
  createEnvelopeSpectrumPlan({ ...options, fftSize: undefined, length: 2, sampleRate: 1 });
  if (options.fftSize !== undefined) requirePowerOfTwo(BLOCK, 'fftSize', options.fftSize, 2, 65536);
  return frameOperator<EnvelopeSpectrumFrame>(BLOCK, (first) => {
    if (first.channels !== 1) throw new InputError(BLOCK, `frames have ${first.channels} channels; expected 1`, first.index);
    const plan = createEnvelopeSpectrumPlan({ ...options, length: first.data.length, sampleRate: first.sampleRate });
    return (frame) => {
      const data = new Float32Array(plan.bins);
      computeEnvelopeSpectrum(plan, frame.data, data);
      return { data, index: frame.index, sampleRate: frame.sampleRate, channels: 1, frequencies: plan.frequencies };
    };
  });
}
