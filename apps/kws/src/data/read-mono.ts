import { createResamplePlan, resampleSignal, type ResamplePlan } from '@sensorkit/dsp';
import { readWav } from '@sensorkit/io';

/** A WAV file as mono float samples at its own rate: channels averaged. */
export async function readMono(path: string): Promise<{ samples: Float32Array; sampleRate: number }> {
  const wav = await readWav(path);
  if (wav.channels === 1) return { samples: wav.samples, sampleRate: wav.sampleRate };
  const mono = new Float32Array(wav.samples.length / wav.channels);
  for (let i = 0; i < mono.length; i++) {
    let sum = 0;
    for (let c = 0; c < wav.channels; c++) sum += wav.samples[i * wav.channels + c]!;
    mono[i] = sum / wav.channels;
  }
  return { samples: mono, sampleRate: wav.sampleRate };
}

/** `samples` at `sampleRate` resampled to 16 kHz (the same array when it already is). */
export function to16k(samples: Float32Array, sampleRate: number): Float32Array {
  if (sampleRate === 16000) return samples;
  // espeak-ng speaks at 22.05 kHz: its 160/441 filter is built once, not per word.
  let plan = plans.get(sampleRate);
  if (!plan) plans.set(sampleRate, (plan = createResamplePlan({ from: sampleRate, to: 16000 })));
  return resampleSignal(plan, samples);
}

/** A WAV file as mono float samples at 16 kHz: channels averaged, other rates resampled. */
export async function readMono16k(path: string): Promise<Float32Array> {
  const { samples, sampleRate } = await readMono(path);
  return to16k(samples, sampleRate);
}

const plans = new Map<number, ResamplePlan>();
