import { Option } from 'commander';
import { createSpectrogramPlan, spectrogramFrames } from '@sensorkit/dsp';
import type { BuiltBlock, FeatureBlock } from './block.js';
import { addFramingOptions, addSpectrumOptions, framingSamples, nextPowerOfTwo } from './framing-options.js';

export const spectrogramBlock: FeatureBlock = {
  name: 'spectrogram',
  summary: 'short-time power, magnitude or dB spectrum per frame (bins 0..Nyquist)',
  configure(command) {
    addFramingOptions(command, { length: { samples: 512 }, hop: { samples: 256 } });
    addSpectrumOptions(command);
    command
      .addOption(new Option('--scale <scale>', 'power |X|^2, magnitude |X|, or db (10 log10 power)').choices(['power', 'magnitude', 'db']).default('db'));
  },
  build(context): BuiltBlock {
    const { length, hop } = framingSamples(context.options, context.inputRate);
    const o = context.options;
    const plan = createSpectrogramPlan({
      frameLength: length,
      hop,
      fftSize: (o.fftSize as number | undefined) ?? nextPowerOfTwo(length),
      window: o.window as 'hann',
      scale: o.scale as 'db',
    });
    const hzPerBin = context.inputRate / plan.fft.size;
    return {
      sampleRate: context.inputRate,
      operator: spectrogramFrames(plan),
      columns: Array.from({ length: plan.bins }, (_, k) => `${Number((k * hzPerBin).toFixed(2))}Hz`),
      plan: plan.description,
    };
  },
};
