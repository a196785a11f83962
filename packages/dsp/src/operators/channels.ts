import { map, type OperatorFunction } from 'rxjs';
import type { SampleChunk } from '../chunk.js';
import { InputError } from '../errors.js';

/** Interleaved multi-channel chunks -> mono chunks holding the mean of the channels. Mono passes through. */
export function downmix(): OperatorFunction<SampleChunk, SampleChunk> {
  return map((chunk: SampleChunk): SampleChunk => {
    const { channels, samples } = chunk;
    if (channels === 1) return chunk;
    const frames = samples.length / channels;
    const out = new Float32Array(frames);
    for (let i = 0; i < frames; i++) {
      let acc = 0;
      for (let c = 0; c < channels; c++) acc += samples[i * channels + c]!;
      out[i] = acc / channels;
    }
    return { samples: out, sampleRate: chunk.sampleRate, channels: 1, index: chunk.index };
  });
}

/** Interleaved chunks -> mono chunks of one channel (0-based). */
export function selectChannel(channel: number): OperatorFunction<SampleChunk, SampleChunk> {
  return map((chunk: SampleChunk): SampleChunk => {
    const { channels, samples } = chunk;
    if (!Number.isInteger(channel) || channel < 0 || channel >= channels) {
      throw new InputError('selectChannel', `channel ${channel} does not exist; the input has channels 0..${channels - 1}`, chunk.index);
    }
    if (channels === 1) return chunk;
    const frames = samples.length / channels;
    const out = new Float32Array(frames);
    for (let i = 0; i < frames; i++) out[i] = samples[i * channels + channel]!;
    return { samples: out, sampleRate: chunk.sampleRate, channels: 1, index: chunk.index };
  });
}
