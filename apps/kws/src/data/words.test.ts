import { describe, expect, it } from 'vitest';
import { ParameterError } from '@sensorkit/dsp';
import { nearMisses, phraseLabel, requirePhrase, unknownVocabulary } from './words.js';

describe('words', () => {
  it('normalizes phrases and refuses characters a synthesizer would read differently', () => {
    expect(requirePhrase('kws', 'words', ' Hey  KIT ')).toBe('hey kit');
    expect(requirePhrase('kws', 'words', "don't")).toBe("don't");
    for (const bad of ['', 'yes!', 'no2', 'über', 'a-b', "'quote", 42]) {
      expect(() => requirePhrase('kws', 'words', bad), String(bad)).toThrow(ParameterError);
    }
    expect(() => requirePhrase('kws', 'words', 'yes!')).toThrow('kws: words = "yes!"; expected a word or phrase of English letters');
    expect(phraseLabel('hey kit')).toBe('hey_kit');
  });

  it('makes the near-misses a wake word must reject', () => {
    const misses = nearMisses('hey kit');
    for (const m of ['hey kid', 'hey kate', 'okay kit', 'hi kit', 'hey kite', 'hey fit', 'kit', 'hey']) expect(misses).toContain(m);
    expect(misses).not.toContain('hey kit');
    expect(new Set(misses).size).toBe(misses.length);
    expect(misses.filter((m) => /\b(shit|tit)\b/.test(m))).toEqual([]);
  });

  it('keeps the targets and their words out of _unknown_, and adds near-misses of phrases', () => {
    const commands = ['yes', 'no', 'up', 'down', 'left', 'right', 'on', 'off', 'stop', 'go'];
    const vocabulary = unknownVocabulary(commands);
    expect(vocabulary.length).toBeGreaterThan(60);
    for (const w of commands) expect(vocabulary.some((v) => v.split(' ').includes(w)), w).toBe(false);
    const wake = unknownVocabulary(['hey kit']);
    expect(wake).toContain('hey kid');
    expect(wake).not.toContain('hey kit');
    expect(wake.length).toBeGreaterThan(vocabulary.length);
  });
});
