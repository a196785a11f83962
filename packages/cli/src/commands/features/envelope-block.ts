import { Option } from 'commander';
import { identity, map, pipe } from 'rxjs';
import { createButterworthPlan, envelopeSpectrum, frames, sosFilter, type Frame } from '@sensorkit/dsp';
import { numberList, positiveInteger } from '../../parse.js';
import type { BuiltBlock, FeatureBlock } from './block.js';
import { addFramingOptions, addSpectrumOptions, framingSamples, nextPowerOfTwo } from './framing-options.js';

export const envelopeBlock: FeatureBlock = {
  name: 'envelope',
  summary: 'envelope spectrum per frame (bearing diagnostics): optional band-pass, Hilbert envelope, spectrum of the envelope',
  configure(command) {
    addFramingOptions(command, { length: { samples: 8192 }, hop: { samples: 4096 } });
    command
      .addOption(new Option('--band <lo,hi>', 'Butterworth band-pass around the structural resonance before the envelope, in Hz').argParser(numberList))
      .addOption(new Option('--band-order <n>', 'Butterworth order of that band-pass (2n poles)').argParser(positiveInteger).default(4));
    addSpectrumOptions(command, 'envelope');
    command
      .addOption(new Option('--max-hz <hz>', 'only output envelope-spectrum bins up to this frequency').argParser(Number).default(1000));
  },
  build(context): BuiltBlock {
    const o = context.options;
    const { length, hop } = framingSamples(o, context.inputRate);
    const band = o.band as number[] | undefined;
    const bandpass = band ? createButterworthPlan({ type: 'bandpass', order: o.bandOrder as number, sampleRate: context.inputRate, cutoff: band as [number, number] }) : undefined;
    const fftSize = (o.fftSize as number | undefined) ?? nextPowerOfTwo(length);
    const keep = Math.min(fftSize / 2 + 1, Math.floor(((o.maxHz as number) * fftSize) / context.inputRate) + 1);
    return {
      sampleRate: context.inputRate,
      operator: pipe(
        bandpass ? sosFilter(bandpass) : identity,
        frames({ length, hop }),
        envelopeSpectrum({ fftSize, window: o.window as 'hann' }),
        // Fault frequencies of bearings sit well below 1 kHz: the rest of the envelope spectrum is noise to print.
        map((frame): Frame => ({ data: frame.data.subarray(0, keep), index: frame.index, sampleRate: frame.sampleRate, channels: 1 })),
      ),
      columns: Array.from({ length: keep }, (_, k) => `${Number(((k * context.inputRate) / fftSize).toFixed(3))}Hz`),
      plan: { band: bandpass?.description ?? null, framing: { length, hop }, fftSize, window: o.window },
    };
  },
};
