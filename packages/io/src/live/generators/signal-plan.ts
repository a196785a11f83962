import { describe, ParameterError, rejectUnknownOptions, requireFinite, requireInRange, requireInteger, requireOneOf, type Described } from '@sensorkit/dsp';
import { deriveSeed } from './seed.js';
import { COMPONENT_TYPES, type ChannelSpec, type ComponentSpec, type SignalSpec } from './signal-spec.js';

/** A term with every default filled in and its seed derived for its channel and position. */
export type ResolvedComponent =
  | { readonly type: 'sine'; readonly frequency: number; readonly amplitude: number; readonly phase: number }
  | { readonly type: 'chirp'; readonly f0: number; readonly f1: number; readonly duration: number; readonly method: 'linear' | 'logarithmic'; readonly amplitude: number; readonly phase: number }
  | { readonly type: 'white'; readonly amplitude: number; readonly distribution: 'gaussian' | 'uniform'; readonly seed: number }
  | { readonly type: 'pink'; readonly amplitude: number; readonly seed: number }
  | { readonly type: 'impulse'; readonly rate: number; readonly amplitude: number; readonly jitter: number; readonly seed: number };

export interface SignalPlanOptions {
  /** Hz */
  sampleRate: number;
  /** default 1, or the number of per-channel specs */
  channels?: number;
}

export interface SignalPlan extends Described<{ sampleRate: number; channels: number; perChannel: readonly (readonly ResolvedComponent[])[] }> {
  /** Hz */
  readonly sampleRate: number;
  readonly channels: number;
  /** the terms summed on each channel */
  readonly perChannel: readonly (readonly ResolvedComponent[])[];
}

const BLOCK = 'generator';
const KNOWN: Record<ComponentSpec['type'], readonly string[]> = {
  sine: ['type', 'frequency', 'amplitude', 'phase'],
  chirp: ['type', 'f0', 'f1', 'duration', 'method', 'amplitude', 'phase'],
  white: ['type', 'amplitude', 'distribution', 'seed'],
  pink: ['type', 'amplitude', 'seed'],
  impulse: ['type', 'rate', 'amplitude', 'jitter', 'seed'],
};

/**
 * Checks a signal spec against a sample rate (frequencies up to Nyquist, sane durations and jitter) and
 * resolves defaults and per-channel seeds; the plan's description rebuilds the same signal exactly.
 * @example
 * const plan = createSignalPlan([{ type: 'sine', frequency: 440 }, { type: 'white', amplitude: 0.1 }], { sampleRate: 16000 });
 */
export function createSignalPlan(spec: SignalSpec, options: SignalPlanOptions): SignalPlan {
  rejectUnknownOptions(BLOCK, options, ['sampleRate', 'channels']);
  const sampleRate = requireInRange(BLOCK, 'sampleRate', options.sampleRate, 0, 10_000_000, { minExclusive: true, hint: 'Hz' });
  const perChannelSpecs = isPerChannel(spec) ? spec.perChannel : undefined;
  if (perChannelSpecs !== undefined && (!Array.isArray(perChannelSpecs) || perChannelSpecs.length === 0)) {
    throw new ParameterError(BLOCK, 'perChannel', perChannelSpecs, 'a non-empty array with one channel spec per channel');
  }
  const channels = requireInteger(BLOCK, 'channels', options.channels ?? perChannelSpecs?.length ?? 1, 1, 1024);
  if (perChannelSpecs !== undefined && perChannelSpecs.length !== channels) {
    throw new ParameterError(BLOCK, 'channels', channels, `${perChannelSpecs.length}, the number of perChannel specs`);
  }
  const perChannel = Array.from({ length: channels }, (_, c) => {
    const channelSpec = perChannelSpecs ? perChannelSpecs[c]! : (spec as ChannelSpec);
    const terms: readonly ComponentSpec[] = Array.isArray(channelSpec) ? channelSpec : [channelSpec as ComponentSpec];
    if (terms.length === 0) throw new ParameterError(BLOCK, `channel ${c}`, terms, 'at least one term');
    return Object.freeze(terms.map((term, j) => resolveComponent(term, sampleRate, c, j, perChannelSpecs ? `channel ${c} term ${j + 1}` : `term ${j + 1}`)));
  });
  return { description: describe(BLOCK, 1, { sampleRate, channels, perChannel }), sampleRate, channels, perChannel };
}

function isPerChannel(spec: SignalSpec): spec is { readonly perChannel: readonly ChannelSpec[] } {
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec) && 'perChannel' in spec;
}

function resolveComponent(term: ComponentSpec, sampleRate: number, channel: number, position: number, where: string): ResolvedComponent {
  if (typeof term !== 'object' || term === null) throw new ParameterError(BLOCK, where, term, `an object such as { type: 'sine', frequency: 440 }`);
  const type = requireOneOf(BLOCK, `${where} type`, term.type, COMPONENT_TYPES);
  const name = (field: string): string => `${where} (${type}).${field}`;
  rejectUnknownOptions(`${BLOCK} ${where} (${type})`, term, KNOWN[type]);
  const nyquist = sampleRate / 2;
  const frequency = (field: string, value: unknown, min = 0, minExclusive = false): number =>
    requireInRange(BLOCK, name(field), value, min, nyquist, { minExclusive, hint: `Hz, at most Nyquist = ${nyquist} Hz` });
  const amplitude = requireFinite(BLOCK, name('amplitude'), term.amplitude ?? 1);
  const seedOf = (value: unknown): number => deriveSeed(requireInteger(BLOCK, name('seed'), value ?? 1, 0, 0xffffffff), channel, position);
  switch (term.type) {
    case 'sine':
      return { type: 'sine', frequency: frequency('frequency', term.frequency), amplitude, phase: requireFinite(BLOCK, name('phase'), term.phase ?? 0) };
    case 'chirp': {
      const method = requireOneOf(BLOCK, name('method'), term.method ?? 'linear', ['linear', 'logarithmic'] as const);
      // A logarithmic sweep never reaches 0 Hz: ln(f1 / f0) needs both ends above zero.
      const log = method === 'logarithmic';
      const f0 = frequency('f0', term.f0, 0, log);
      const f1 = frequency('f1', term.f1, 0, log);
      const duration = requireInRange(BLOCK, name('duration'), term.duration, 1 / sampleRate, 1e7, { hint: 's, at least one sample' });
      return { type: 'chirp', f0, f1, duration, method, amplitude, phase: requireFinite(BLOCK, name('phase'), term.phase ?? 0) };
    }
    case 'white': {
      const distribution = requireOneOf(BLOCK, name('distribution'), term.distribution ?? 'gaussian', ['gaussian', 'uniform'] as const);
      return { type: 'white', amplitude, distribution, seed: seedOf(term.seed) };
    }
    case 'pink':
      return { type: 'pink', amplitude, seed: seedOf(term.seed) };
    case 'impulse': {
      const rate = requireInRange(BLOCK, name('rate'), term.rate, 0, sampleRate, { minExclusive: true, hint: `Hz, at most the sample rate ${sampleRate} Hz` });
      const jitter = requireInRange(BLOCK, name('jitter'), term.jitter ?? 0, 0, 0.5 / rate, { maxExclusive: true, hint: 's, below half the period' });
      return { type: 'impulse', rate, amplitude, jitter, seed: seedOf(term.seed) };
    }
  }
}
