import { ParameterError } from '@sensorkit/dsp';
import type { ChannelSpec, ComponentSpec, SignalSpec } from './signal-spec.js';

/*
 * The compact signal grammar for command lines (the README has the table):
 *
 *   signal  := channel (',' channel)*        one channel: the same on every channel; several: one each
 *   channel := term ('+' term)*              terms are summed
 *   term    := name [':' args] ['#' seed] ['*' gain]
 *
 *   sine:FREQ[@PHASE]            chirp:F0-F1/SECONDS[@PHASE]      logchirp:F0-F1/SECONDS[@PHASE]
 *   white[:RMS]   uniform[:PEAK]   pink[:RMS]      impulse:RATE[~JITTER]
 *
 * Hz, seconds, degrees; `gain` multiplies the amplitude (default 1). Spaces around tokens are ignored.
 * Example: "sine:440*0.5+white:0.1+chirp:100-4000/2".
 */

const BLOCK = 'generator spec';
const NUM = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const UNUM = String.raw`(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const SINE = new RegExp(`^(${UNUM})(?:@(${NUM}))?$`);
const CHIRP = new RegExp(`^(${UNUM})-(${UNUM})/(${UNUM})(?:@(${NUM}))?$`);
const LEVEL = new RegExp(`^(${NUM})?$`);
const IMPULSE = new RegExp(`^(${UNUM})(?:~(${UNUM}))?$`);
const NUMBER = new RegExp(`^${NUM}$`);
const SEED = /^\d+$/;

/** Forms each term name accepts, for messages. */
const FORMS: Record<string, string> = {
  sine: 'sine:FREQ[@PHASE] (Hz, degrees), e.g. sine:440',
  chirp: 'chirp:F0-F1/SECONDS[@PHASE] (Hz, Hz, s, degrees), e.g. chirp:100-4000/2',
  logchirp: 'logchirp:F0-F1/SECONDS[@PHASE] (Hz, Hz, s, degrees), e.g. logchirp:20-8000/5',
  white: 'white[:RMS], e.g. white:0.1',
  uniform: 'uniform[:PEAK], e.g. uniform:0.5',
  pink: 'pink[:RMS], e.g. pink:0.2',
  impulse: 'impulse:RATE[~JITTER] (Hz, s), e.g. impulse:10~0.002',
};

/**
 * Parses the compact signal grammar into a SignalSpec; throws a ParameterError that names the bad token
 * and the form it should have. Value ranges (Nyquist) are checked later by createSignalPlan.
 * @example
 * parseSignalSpec('sine:440*0.5+white:0.1+chirp:100-4000/2');
 * // [{ type: 'sine', frequency: 440, amplitude: 0.5 }, { type: 'white', amplitude: 0.1, distribution: 'gaussian' },
 * //  { type: 'chirp', f0: 100, f1: 4000, duration: 2, method: 'linear', amplitude: 1 }]
 */
export function parseSignalSpec(text: string): SignalSpec {
  if (typeof text !== 'string' || text.trim() === '') throw new ParameterError(BLOCK, 'signal', text, 'a spec such as "sine:440*0.5+white:0.1"');
  const channels = text.split(',').map((part) => parseChannel(part, text));
  return channels.length === 1 ? channels[0]! : { perChannel: channels };
}

function parseChannel(part: string, whole: string): ChannelSpec {
  // '+' separates terms, except as an exponent sign (1e+3).
  const terms = part.split(/(?<![\d.][eE])\+/).map((term) => parseTerm(term.trim(), whole));
  return terms.length === 1 ? terms[0]! : terms;
}

function parseTerm(term: string, whole: string): ComponentSpec {
  const bad = (expected: string): never => {
    throw new ParameterError(BLOCK, 'term', term, `${expected} (in ${JSON.stringify(whole)})`);
  };
  if (term === '') bad('a term between separators, e.g. sine:440');
  const [body = '', gainText, extra] = term.split('*').map((s) => s.trim());
  if (extra !== undefined) bad('at most one "*GAIN"');
  if (gainText !== undefined && !NUMBER.test(gainText)) bad(`a number after "*", got ${JSON.stringify(gainText)}`);
  const gain = gainText === undefined ? 1 : Number(gainText);
  const [head = '', seedText, extraSeed] = body.split('#').map((s) => s.trim());
  if (extraSeed !== undefined || (seedText !== undefined && !SEED.test(seedText))) bad('at most one "#SEED" with a whole number');
  const colon = head.indexOf(':');
  const name = (colon < 0 ? head : head.slice(0, colon)).trim();
  const args = colon < 0 ? '' : head.slice(colon + 1).trim();
  const form = FORMS[name];
  if (form === undefined) bad(`a term name: one of ${Object.keys(FORMS).join(', ')}`);
  const seed = seedText === undefined ? {} : { seed: Number(seedText) };
  if (seedText !== undefined && !['white', 'uniform', 'pink', 'impulse'].includes(name)) bad(`${form}; only noise and impulse terms take a #SEED`);
  const match = (pattern: RegExp): RegExpMatchArray => args.match(pattern) ?? bad(form!);
  const phase = (m: RegExpMatchArray, i: number): { phase?: number } => (m[i] === undefined ? {} : { phase: Number(m[i]) });
  switch (name) {
    case 'sine': {
      const m = match(SINE);
      return { type: 'sine', frequency: Number(m[1]), amplitude: gain, ...phase(m, 2) };
    }
    case 'chirp':
    case 'logchirp': {
      const m = match(CHIRP);
      const method = name === 'chirp' ? 'linear' : 'logarithmic';
      return { type: 'chirp', f0: Number(m[1]), f1: Number(m[2]), duration: Number(m[3]), method, amplitude: gain, ...phase(m, 4) };
    }
    case 'white':
    case 'uniform':
    case 'pink': {
      const m = match(LEVEL);
      const amplitude = gain * (m[1] === undefined ? 1 : Number(m[1]));
      if (name === 'pink') return { type: 'pink', amplitude, ...seed };
      return { type: 'white', amplitude, distribution: name === 'white' ? 'gaussian' : 'uniform', ...seed };
    }
    default: {
      const m = match(IMPULSE);
      return { type: 'impulse', rate: Number(m[1]), amplitude: gain, ...(m[2] === undefined ? {} : { jitter: Number(m[2]) }), ...seed };
    }
  }
}
