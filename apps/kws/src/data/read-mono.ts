import { createResamplePlan, resampleSignal, type ResamplePlan } from '@sensorkit/dsp';
import { readWav } from '@sensorkit/io';

/** A WAV file as mono float samples at 16 kHz: channels averaged, other rates resampled. */
export async function readMono16k(path: string): Promise<Float32Array> {
  const wav = await readWav(path);
  let mono = wav.samples;
  if (wav.channels > 1) {
    mono = new Float32Array(wav.samples.length / wav.channels);
    for (let i = 0; i < mono.length; i++) {
      let sum = 0;
      for (let c = 0; c < wav.channels; c++) sum += wav.samples[i * wav.channels + c]!;
      mono[i] = sum / wav.channels;
    }
  }
  if (wav.sampleRate === 16000) return mono;
  // espeak-ng speaks at 22.05 kHz: its 160/441 filter is built once, not per word.
  let plan = plans.get(wav.sampleRate);
  if (!plan) plans.set(wav.sampleRate, (plan = createResamplePlan({ from: wav.sampleRate, to: 16000 })));
  return resampleSignal(plan, mono);
}

const plans = new Map<number, ResamplePlan>();
