import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors.js';
import { DATASET_FORMAT, formatManifest, parseManifest, type DatasetEntry, type DatasetManifest } from './manifest.js';

const entry: DatasetEntry = {
  file: 'punch/punch.1.csv',
  label: 'punch',
  sampleRate: 100,
  channels: 3,
  axes: ['aX', 'aY', 'aZ'],
  units: ['g', 'g', 'g'],
  source: 'serial:/dev/ttyACM0',
  recordedAt: '2026-01-02T03:04:05.000Z',
  frames: 150,
  durationSeconds: 1.5,
  startIndex: 300,
  gapSamples: 0,
  badLines: 2,
};
const manifest: DatasetManifest = { format: DATASET_FORMAT, version: 1, name: 'gestures', created: '2026-01-02T03:00:00.000Z', samples: [entry] };
const PATH = '/data/gestures/manifest.json';

/** The manifest text with one field of the first sample replaced. */
function withSample(change: Record<string, unknown>): string {
  return JSON.stringify({ ...manifest, samples: [{ ...entry, ...change }] });
}

function problem(text: string): string {
  try {
    parseManifest(text, PATH);
  } catch (err) {
    expect(err).toBeInstanceOf(FormatError);
    return (err as Error).message;
  }
  throw new Error('parseManifest accepted the text');
}

describe('dataset manifest', () => {
  it('round-trips through its text form, optional counters included', () => {
    const text = formatManifest(manifest);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseManifest(text, PATH)).toEqual(manifest);
  });

  it('names the file and line of malformed JSON', () => {
    const text = formatManifest(manifest).replace('"label": "punch",', '"label": "punch"');
    const err = (() => {
      try {
        parseManifest(text, PATH);
      } catch (e) {
        return e as FormatError;
      }
      throw new Error('accepted');
    })();
    expect(err.message).toMatch(/^\/data\/gestures\/manifest\.json:\d+: malformed JSON/);
    // The missing comma is after line 8 of the formatted text; JSON.parse reports the next token.
    expect(err.line).toBe(text.split('\n').findIndex((l) => l.includes('"sampleRate"')) + 1);
  });

  it('refuses a newer format version by number', () => {
    expect(problem(JSON.stringify({ ...manifest, version: 7 }))).toBe(
      `${PATH}: unknown format version 7; this sensorkit reads dataset versions up to 1 (upgrade sensorkit)`,
    );
  });

  it('refuses JSON that is not a sensorkit dataset', () => {
    expect(problem('[1, 2]')).toContain('expected a JSON object, found [1,2]');
    expect(problem(JSON.stringify({ ...manifest, format: 'edge-impulse' }))).toContain('format = "edge-impulse"; expected "sensorkit-dataset"');
  });

  it('names the sample and field at fault', () => {
    expect(problem(withSample({ sampleRate: -100 }))).toBe(`${PATH}: samples[0]: sampleRate = -100; expected a number of Hz > 0`);
    expect(problem(withSample({ axes: ['aX'] }))).toContain('samples[0]: axes = ["aX"]; expected 3 strings, one per channel');
    expect(problem(withSample({ file: '../../etc/passwd.csv' }))).toContain(`has an empty, '.' or '..' part`);
    expect(problem(withSample({ file: '/abs/x.wav' }))).toContain('is absolute');
    expect(problem(withSample({ file: 'punch/punch.1.mp3' }))).toContain('unknown extension');
    expect(problem(withSample({ durationSeconds: 2 }))).toContain('durationSeconds = 2; expected frames / sampleRate = 1.5');
    expect(problem(withSample({ frames: 0 }))).toContain('frames = 0; expected an integer >= 1');
    expect(problem(withSample({ label: undefined }))).toContain('label = missing; expected a non-empty string');
    expect(problem(withSample({ recordedAt: 'yesterday' }))).toContain('recordedAt = "yesterday"; expected an ISO 8601 time');
    expect(problem(withSample({ badLines: -1 }))).toContain('badLines = -1; expected an integer >= 0');
    expect(problem(JSON.stringify({ ...manifest, samples: [entry, entry] }))).toContain('samples[1]: file "punch/punch.1.csv" is listed twice');
  });
});
