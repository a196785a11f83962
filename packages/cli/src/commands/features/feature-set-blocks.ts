import { InvalidArgumentError, Option } from 'commander';
import { pipe } from 'rxjs';
import { createFeatureSetPlan, featureSetFrames, frames, SPECTRAL_FEATURES, TIME_STATS, type SpectralFeature, type TimeStat } from '@sensorkit/dsp';
import { numberList, positiveInteger } from '../../parse.js';
import type { BlockContext, BuiltBlock, FeatureBlock } from './block.js';
import { addFramingOptions, addSpectrumOptions, framingSamples, nextPowerOfTwo } from './framing-options.js';

function listOf<T extends string>(allowed: readonly T[], what: string): (value: string) => T[] {
  return (value) => {
    const items = value.split(',').map((s) => s.trim());
    const bad = items.find((s) => !(allowed as readonly string[]).includes(s));
    if (bad !== undefined) throw new InvalidArgumentError(`"${bad}" is not a ${what}; choose from ${allowed.join(', ')}.`);
    return items as T[];
  };
}

/** Runs a feature set over frames of the input, at the input's own rate. */
function buildSet(context: BlockContext, set: Record<string, unknown>): BuiltBlock {
  const { length, hop } = framingSamples(context.options, context.inputRate);
  const plan = createFeatureSetPlan({ sampleRate: context.inputRate, frameLength: length, ...set });
  return {
    sampleRate: context.inputRate,
    operator: pipe(frames({ length, hop }), featureSetFrames(plan)),
    columns: [...plan.names],
    plan: { framing: { length, hop }, features: plan.description },
  };
}

export const spectralBlock: FeatureBlock = {
  name: 'spectral',
  summary: 'spectral shape features per frame: centroid, spread, flatness, rolloff, flux, band powers, peaks, ...',
  configure(command) {
    addFramingOptions(command, { length: { samples: 1024 }, hop: { samples: 512 } });
    addSpectrumOptions(command);
    command
      .addOption(
        new Option('--features <list>', `comma-separated, from: ${SPECTRAL_FEATURES.join(', ')}`)
          .argParser(listOf(SPECTRAL_FEATURES, 'spectral feature'))
          .default(undefined, 'centroid,spread,skewness,kurtosis,flatness,rolloff,slope,crest'),
      )
      .addOption(new Option('--rolloff <fraction>', 'energy fraction for rolloff, in (0, 1)').argParser(Number).default(0.85))
      .addOption(new Option('--band-edges <hz,...>', 'band edges in Hz for bandPowers (n edges, n-1 bands)').argParser(numberList))
      .addOption(new Option('--band-scale <scale>', 'band powers as linear power or dB').choices(['linear', 'db']).default('linear'))
      .addOption(new Option('--peaks <k>', 'number of dominant peaks for peaks').argParser(positiveInteger).default(3));
  },
  build(context) {
    const o = context.options;
    let features = o.features as SpectralFeature[] | undefined;
    if (o.bandEdges && features && !features.includes('bandPowers')) features = [...features, 'bandPowers'];
    if (o.bandEdges && !features) features = ['centroid', 'spread', 'skewness', 'kurtosis', 'flatness', 'rolloff', 'slope', 'crest', 'bandPowers'];
    const { length } = framingSamples(o, context.inputRate);
    return buildSet(context, {
      fftSize: (o.fftSize as number | undefined) ?? nextPowerOfTwo(length),
      window: o.window,
      spectral: {
        ...(features ? { features } : {}),
        rolloffFraction: o.rolloff,
        ...(o.bandEdges ? { bandEdges: o.bandEdges } : {}),
        bandScale: o.bandScale,
        peaks: o.peaks,
      },
    });
  },
};

export const statsBlock: FeatureBlock = {
  name: 'stats',
  summary: 'time-domain statistics per frame: mean, RMS, peak, peak-to-peak, crest factor, skewness, kurtosis, zero-crossing rate',
  configure(command) {
    addFramingOptions(command, { length: { samples: 1024 }, hop: { samples: 1024 } });
    command
      .addOption(new Option('--stats <list>', `comma-separated, from: ${TIME_STATS.join(', ')}`).argParser(listOf(TIME_STATS, 'statistic')).default(undefined, 'all'))
      .addOption(new Option('--kurtosis <convention>', 'fisher (excess, 0 for Gaussian) or pearson (3 for Gaussian)').choices(['fisher', 'pearson']).default('fisher'));
  },
  build(context) {
    const o = context.options;
    return buildSet(context, { stats: { ...(o.stats ? { stats: o.stats as TimeStat[] } : {}), kurtosis: o.kurtosis } });
  },
};
