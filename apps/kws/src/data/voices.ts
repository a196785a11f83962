import { InputError } from '@sensorkit/dsp';
import { runSynthesizer, type SynthesizerEngine } from './run-synthesizer.js';

/** One synthesizer voice: what `synthesize` needs to speak with it, and who it sounds like. */
export interface Voice {
  /** `<engine>:<name>`, e.g. `espeak-ng:en-us+f3`, `flite:slt`, `festival:kal_diphone` */
  readonly id: string;
  readonly engine: SynthesizerEngine;
  /** what the engine calls it: an espeak-ng `dialect+variant`, a flite voice, a festival voice */
  readonly name: string;
  /**
   * The person (or voice model) behind it; splits are made by speaker, so two voices built from the same
   * recordings (flite `slt` and festival `cmu_us_slt_arctic_hts`), or one espeak-ng variant in every
   * dialect, never land on both sides of a train/test split.
   */
  readonly speaker: string;
}

export const ENGINES: readonly SynthesizerEngine[] = ['espeak-ng', 'flite', 'festival'];

/**
 * Every English voice of the installed engines, in a fixed order: espeak-ng dialects (its own `gmw`
 * voices; mbrola voices need the separate mbrola program) times its variants, flite's voices, festival's.
 * A missing engine throws SynthesizerMissingError naming its Debian package.
 * @example
 * const voices = await listVoices(['espeak-ng', 'flite']);
 */
export async function listVoices(engines: readonly SynthesizerEngine[] = ENGINES): Promise<Voice[]> {
  const voices: Voice[] = [];
  for (const engine of engines) voices.push(...(await LISTERS[engine]()));
  return voices;
}

const LISTERS: Record<SynthesizerEngine, () => Promise<Voice[]>> = {
  'espeak-ng': async () => {
    const dialects = espeakDialects(await runSynthesizer('espeak-ng', ['--voices=en']));
    const variants = espeakVariants(await runSynthesizer('espeak-ng', ['--voices=variant']));
    return dialects.flatMap((d) => variants.map((v) => voice('espeak-ng', `${d}+${v}`, `espeak-ng:+${v}`)));
  },
  flite: async () => fliteVoices(await runSynthesizer('flite', ['-lv'])).map((name) => voice('flite', name, SAME_PERSON[name] ?? `flite:${name}`)),
  festival: async () => {
    const names = festivalVoices(await runSynthesizer('festival', ['--batch', '(print (voice.list))']));
    const english = names.filter((n) => !NON_ENGLISH_FESTIVAL.test(n));
    if (english.length === 0) throw new InputError('kws generate', `festival has no English voice; install the Debian packages ${FESTIVAL_VOICE_PACKAGES.join(', ')} (bash scripts/setup.sh installs them), or leave festival out with --engines espeak-ng,flite`);
    return english.map((name) => voice('festival', name, SAME_PERSON[name] ?? `festival:${name}`));
  },
};

// Voices recorded from the same person, by engine voice name: kal (Kevin Lenzo), awb (Alan W Black), slt.
const SAME_PERSON: Record<string, string> = {
  kal: 'person:kal', kal16: 'person:kal', kal_diphone: 'person:kal',
  awb: 'person:awb', awb_time: 'person:awb', cmu_us_awb_arctic_clunits: 'person:awb',
  slt: 'person:slt', cmu_us_slt_arctic_hts: 'person:slt', cmu_us_slt_arctic_clunits: 'person:slt',
  rms: 'person:rms', cmu_us_rms_arctic_clunits: 'person:rms',
};

/** Debian packages with festival's English voices (kal, ked diphones; slt HTS). */
export const FESTIVAL_VOICE_PACKAGES = ['festvox-kallpc16k', 'festvox-kdlpc16k', 'festvox-us-slt-hts'] as const;

// Debian's festvox packages also hold Spanish, Italian, Czech, Finnish, Russian and Indian voices.
const NON_ENGLISH_FESTIVAL = /^(el_|ita?_|pc_|lp_|czech|suo|msu_ru|ru_|nsk|hi_|mr_|te_|upc_ca|ca_)/;

function voice(engine: SynthesizerEngine, name: string, speaker: string): Voice {
  return { id: `${engine}:${name}`, engine, name, speaker };
}

/** espeak-ng's own English dialects from `espeak-ng --voices=en` (language codes of `gmw/` voice files). */
export function espeakDialects(listing: string): string[] {
  const out: string[] = [];
  for (const line of listing.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    const language = cols[1];
    const file = cols[4];
    if (language && file?.startsWith('gmw/') && !out.includes(language)) out.push(language);
  }
  return out;
}

/** Variant names (`f3`, `klatt`, `Storm`) from `espeak-ng --voices=variant` (files `!v/<name>`). */
export function espeakVariants(listing: string): string[] {
  const out: string[] = [];
  for (const line of listing.split('\n').slice(1)) {
    const file = line.trim().split(/\s+/)[4];
    const name = file?.startsWith('!v/') ? file.slice(3) : undefined;
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Voice names from `flite -lv` ("Voices available: kal awb_time kal16 awb rms slt"). */
export function fliteVoices(listing: string): string[] {
  const m = /Voices available:\s*(.*)/.exec(listing);
  return m ? m[1]!.trim().split(/\s+/).filter((n) => n !== '') : [];
}

/** Voice names from festival's `(print (voice.list))` ("(cmu_us_slt_arctic_hts ked_diphone kal_diphone)"). */
export function festivalVoices(listing: string): string[] {
  const m = /\(([^()]*)\)/.exec(listing);
  return m ? m[1]!.trim().split(/\s+/).filter((n) => n !== '').sort() : [];
}
