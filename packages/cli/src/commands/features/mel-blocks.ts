import { Option, type Command } from 'commander';
import { pipe } from 'rxjs';
import { FEATURE_PRESETS, frames, getFeaturePreset, logMelFrames, mfccFrames, createMfccPlan, type MfccOptions } from '@sensorkit/dsp';
import { finiteNumber, nonNegativeNumber, positiveInteger } from '../../parse.js';
import type { BlockContext, BuiltBlock, FeatureBlock } from './block.js';
import { addFramingOptions, addSpectrumOptions, framingSamples, nextPowerOfTwo } from './framing-options.js';
import { preEmphasisStage } from './pre-emphasis-stage.js';

/** Options shared by `mfcc` and `logmel`: the mel front end. */
function addMelOptions(command: Command): void {
  addFramingOptions(command, { length: { seconds: 0.025 }, hop: { seconds: 0.01 } });
  command
    .addOption(new Option('--preset <name>', 'a named front end; explicit flags override its values').choices(Object.keys(FEATURE_PRESETS)));
  addSpectrumOptions(command);
  command
    .addOption(new Option('--spectrum <kind>', 'spectrum under the filterbank').choices(['power', 'magnitude']).default('power'))
    .addOption(new Option('--bands <n>', 'number of mel bands').argParser(positiveInteger).default(40))
    .addOption(new Option('--fmin <hz>', 'lower edge of the filterbank in Hz').argParser(nonNegativeNumber).default(0))
    .addOption(new Option('--fmax <hz>', 'upper edge of the filterbank in Hz').argParser(nonNegativeNumber).default(undefined, 'Nyquist'))
    .addOption(new Option('--scale <scale>', 'mel scale').choices(['htk', 'slaney']).default('htk'))
    .addOption(new Option('--triangles <domain>', 'triangles linear in Hz (librosa) or in mel (TensorFlow)').choices(['hz', 'mel']).default('hz'))
    .addOption(new Option('--norm <norm>', 'band normalisation').choices(['none', 'slaney']).default('none'))
    .addOption(new Option('--log <kind>', 'compression of band energies').choices(['ln', 'log10', 'db']).default('ln'))
    .addOption(new Option('--log-offset <x>', 'added to energies before the log').argParser(nonNegativeNumber).default(1e-6))
    .addOption(new Option('--pre-emphasis <coef>', 'first-order pre-emphasis y[n] = x[n] - coef x[n-1] before framing (0 = off)').argParser(finiteNumber).default(0));
}

interface MelSetup {
  sampleRate: number;
  frameLength: number;
  hop: number;
  preEmphasis: number;
  mfcc: MfccOptions;
}

/** Resolves preset + flags into one MFCC option set (flags given on the command line win). */
function resolveMel(context: BlockContext): MelSetup {
  const o = context.options;
  const preset = typeof o.preset === 'string' ? getFeaturePreset(o.preset) : undefined;
  const pick = <T>(flag: string, fromPreset: T | undefined, fallback: T): T =>
    context.explicit(flag) || fromPreset === undefined ? ((o[flag] as T | undefined) ?? fallback) : fromPreset;

  const sampleRate = preset?.sampleRate ?? context.inputRate;
  const explicitFraming = context.explicit('frameLength') || context.explicit('hop') || !preset;
  const framing = explicitFraming ? framingSamples(o, sampleRate) : { length: preset.frameLength, hop: preset.hop };
  const p = preset?.mfcc;
  const frameLength = context.explicit('frameLength') || !preset ? framing.length : p?.frameLength ?? framing.length;
  const mfcc: MfccOptions = {
    ...(p ?? {}),
    sampleRate,
    frameLength,
    fftSize: pick('fftSize', p?.fftSize, nextPowerOfTwo(frameLength)),
    window: pick('window', p?.window, 'hann'),
    spectrum: pick('spectrum', p?.spectrum, 'power'),
    bands: pick('bands', p?.bands, 40),
    fMin: pick('fmin', p?.fMin, 0),
    fMax: pick('fmax', p?.fMax, sampleRate / 2),
    scale: pick('scale', p?.scale, 'htk'),
    triangles: pick('triangles', p?.triangles, 'hz'),
    norm: pick('norm', p?.norm, 'none'),
    log: pick('log', p?.log, 'ln'),
    logOffset: pick('logOffset', p?.logOffset, 1e-6),
  };
  if (o.coefficients !== undefined || p?.coefficients !== undefined) mfcc.coefficients = pick('coefficients', p?.coefficients, 13);
  if (o.lifter !== undefined) mfcc.lifter = pick('lifter', p?.lifter, 0);
  if (o.dct !== undefined) mfcc.dct = pick('dct', p?.dct, 'ortho');
  return { sampleRate, frameLength: framing.length, hop: framing.hop, preEmphasis: pick('preEmphasis', preset?.preEmphasis, 0), mfcc };
}

export const mfccBlock: FeatureBlock = {
  name: 'mfcc',
  summary: 'mel-frequency cepstral coefficients per frame',
  configure(command) {
    addMelOptions(command);
    command
      .addOption(new Option('--coefficients <n>', 'cepstral coefficients kept, from c0').argParser(positiveInteger).default(13))
      .addOption(new Option('--dct <scaling>', 'DCT-II scaling').choices(['ortho', 'tensorflow']).default('ortho'))
      .addOption(new Option('--lifter <L>', 'sinusoidal lifter (0 = none, HTK uses 22)').argParser(nonNegativeNumber).default(0));
  },
  build(context): BuiltBlock {
    const setup = resolveMel(context);
    const plan = createMfccPlan(setup.mfcc);
    return {
      sampleRate: setup.sampleRate,
      operator: pipe(preEmphasisStage(setup.preEmphasis), frames({ length: setup.frameLength, hop: setup.hop }), mfccFrames(plan)),
      columns: Array.from({ length: plan.coefficients }, (_, i) => `c${i}`),
      plan: { preEmphasis: setup.preEmphasis, framing: { length: setup.frameLength, hop: setup.hop }, mfcc: plan.description },
    };
  },
};

export const logMelBlock: FeatureBlock = {
  name: 'logmel',
  summary: 'log mel filterbank energies per frame',
  configure: addMelOptions,
  build(context): BuiltBlock {
    const setup = resolveMel(context);
    const { coefficients: _c, dct: _d, lifter: _l, firstCoefficient: _f, ...melOptions } = setup.mfcc;
    const plan = createMfccPlan({ ...melOptions, coefficients: 1 }).logMel;
    return {
      sampleRate: setup.sampleRate,
      operator: pipe(preEmphasisStage(setup.preEmphasis), frames({ length: setup.frameLength, hop: setup.hop }), logMelFrames(plan)),
      columns: Array.from({ length: plan.mel.bands }, (_, i) => `mel${i}`),
      plan: { preEmphasis: setup.preEmphasis, framing: { length: setup.frameLength, hop: setup.hop }, logMel: plan.description },
    };
  },
};
