import type { OperatorFunction } from 'rxjs';
import type { SampleChunk } from '../../chunk.js';
import { chunkOperator } from '../../operators/chunk-operator.js';
import { createGravityPlan, type GravityOptions } from '../gravity.js';
import { GravitySplitter } from '../gravity-splitter.js';

export type GravitySplitOptions = Omit<GravityOptions, 'sampleRate' | 'channels'>;

/**
 * Splits a 3-axis (accelerometer, g) or 6-axis (plus gyroscope, deg/s) chunk stream into gravity and
 * linear acceleration; rate and channel count come from the chunks, with 6 channels fused by the gyroscope.
 * Output channels: gravity x, y, z, linear x, y, z ('both'), or three of them ('gravity' / 'linear').
 * @example
 * imu$.pipe(gravitySplit({ output: 'linear', cutoff: 0.3 })) // linear acceleration in g, 3 channels
 */
export function gravitySplit(options: GravitySplitOptions = {}): OperatorFunction<SampleChunk, SampleChunk> {
  // Checked now with a generous rate; the cutoff is checked against the real Nyquist on the first chunk.
  createGravityPlan({ ...options, sampleRate: 1e9, channels: options.mode === 'lowpass' ? 3 : 6 });
  return chunkOperator<SampleChunk>('gravity', (first) => {
    const splitter = new GravitySplitter(createGravityPlan({ ...options, sampleRate: first.sampleRate, channels: first.channels }));
    const { channels, outputChannels } = splitter.plan;
    return {
      push(chunk, emit) {
        const samples = new Float32Array((chunk.samples.length / channels) * outputChannels);
        splitter.process(chunk.samples, samples);
        emit({ samples, sampleRate: chunk.sampleRate, channels: outputChannels, index: chunk.index });
      },
    };
  });
}
