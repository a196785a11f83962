import { describe, expect, it } from 'vitest';
import { assignSplits } from './splits.js';
import { selectVoices } from './select-voices.js';
import { espeakDialects, espeakVariants, festivalVoices, fliteVoices, listVoices, type Voice } from './voices.js';

describe('voices', () => {
  it('reads the synthesizers\' own listings', () => {
    const en = `Pty Language       Age/Gender VoiceName          File                 Other Languages
 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)
 3  en-uk           --/M      english-mb-en1     mb/mb-en1            (en-gb 3)(en 2)
 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
 5  en-us           --/F      us-mbrola-1        mb/mb-us1            (en 8)`;
    expect(espeakDialects(en)).toEqual(['en-gb', 'en-us']);
    expect(espeakVariants(`Pty Language Age/Gender VoiceName File Other
 5  variant         --/M      Adam               !v/adam
 5  variant         --/F      f3                 !v/f3`)).toEqual(['adam', 'f3']);
    expect(fliteVoices('Voices available: kal awb_time kal16 awb rms slt \n')).toEqual(['kal', 'awb_time', 'kal16', 'awb', 'rms', 'slt']);
    expect(festivalVoices('(cmu_us_slt_arctic_hts ked_diphone kal_diphone)\n')).toEqual(['cmu_us_slt_arctic_hts', 'kal_diphone', 'ked_diphone']);
  });

  it('lists every English voice installed: espeak-ng dialects x variants, flite, festival', async () => {
    const voices = await listVoices();
    const espeak = voices.filter((v) => v.engine === 'espeak-ng');
    expect(espeak.length).toBeGreaterThanOrEqual(8 * 90);
    expect(espeak.map((v) => v.name)).toContain('en-us+f3');
    expect(voices.filter((v) => v.engine === 'flite').map((v) => v.name)).toEqual(expect.arrayContaining(['kal', 'awb', 'rms', 'slt']));
    expect(voices.filter((v) => v.engine === 'festival').map((v) => v.name)).toEqual(expect.arrayContaining(['kal_diphone', 'ked_diphone', 'cmu_us_slt_arctic_hts']));
    expect(voices.find((v) => v.id === 'flite:slt')!.speaker).toBe(voices.find((v) => v.id === 'festival:cmu_us_slt_arctic_hts')!.speaker);
    expect(new Set(voices.map((v) => v.id)).size).toBe(voices.length);
  });

  it('chooses distinct speakers and every engine first, and splits by speaker with the seed', () => {
    const fake: Voice[] = [];
    for (const d of ['en-us', 'en-gb']) for (const v of ['f1', 'f2', 'm1', 'm2', 'm3', 'klatt']) fake.push({ id: `espeak-ng:${d}+${v}`, engine: 'espeak-ng', name: `${d}+${v}`, speaker: `espeak-ng:+${v}` });
    fake.push({ id: 'flite:slt', engine: 'flite', name: 'slt', speaker: 'person:slt' }, { id: 'festival:cmu_us_slt_arctic_hts', engine: 'festival', name: 'cmu_us_slt_arctic_hts', speaker: 'person:slt' });
    const six = selectVoices(fake, 6, 1);
    expect(new Set(six.map((v) => v.speaker)).size).toBe(6);
    expect(six.some((v) => v.engine !== 'espeak-ng')).toBe(true);
    expect(selectVoices(fake, 6, 1)).toEqual(six);
    const splits = assignSplits(fake, { validation: 0.2, test: 0.2, seed: 3 });
    expect(new Set(splits.values())).toEqual(new Set(['train', 'validation', 'test']));
    expect(splits.get('espeak-ng:+f1')).toBeDefined();
    expect([...splits.keys()].sort()).toEqual([...new Set(fake.map((v) => v.speaker))].sort());
    expect(() => assignSplits(fake.slice(0, 2), { validation: 0.1, test: 0.1, seed: 1 })).toThrow(/at least 3 speakers/);
    expect(() => selectVoices(fake, ['espeak-ng:en-us+zz'], 1)).toThrow(/voices = "espeak-ng:en-us\+zz"; expected an installed voice id/);
  });
});
