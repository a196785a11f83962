import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFftPlan, createLogMelPlan, getFeaturePreset, logMel, powerSpectrum } from '@sensorkit/dsp';
import { festivalScript, synthesize } from './synthesize.js';
import type { Voice } from './voices.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kws-synth-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const WORDS = ['yes', 'stop', 'seven days', 'left', 'go'];
const prosody = { pitch: 0.4, rate: 1.1 };

// The MLPerf KWS front end stopped before the DCT.
const { coefficients: _c, dct: _d, ...front } = getFeaturePreset('mlperf-kws').mfcc!;
const plan = createLogMelPlan(front);

/** Mean log-mel spectrum (MLPerf KWS front end) over the 30 ms frames of a word: its rough timbre. */
function meanLogMel(x: Float32Array): Float64Array {
  const mean = new Float64Array(40);
  const out = new Float32Array(40);
  let frames = 0;
  for (let at = 0; at + 480 <= x.length; at += 320, frames++) {
    logMel(plan, x.subarray(at, at + 480), out);
    for (let b = 0; b < 40; b++) mean[b]! += out[b]!;
  }
  return mean.map((v) => v / frames);
}

const distance = (a: Float64Array, b: Float64Array): number => Math.hypot(...a.map((v, i) => v - b[i]!));

describe('synthesize', () => {
  it('espeak-ng: words spoken in one run and cut at the pauses match the words spoken alone', async () => {
    for (const voice of [{ id: 'espeak-ng:en-us+f3', engine: 'espeak-ng', name: 'en-us+f3', speaker: 'x' }, { id: 'espeak-ng:en-gb-x-rp+klatt', engine: 'espeak-ng', name: 'en-gb-x-rp+klatt', speaker: 'y' }] as Voice[]) {
      const together = await synthesize(voice, WORDS.map((text) => ({ text, prosody })), join(root, 'a'));
      expect(together.length).toBe(WORDS.length);
      const alone: Float32Array[] = [];
      for (const text of WORDS) alone.push((await synthesize(voice, [{ text, prosody }], join(root, 'b')))[0]!);
      const reference = alone.map(meanLogMel);
      for (const [i, text] of WORDS.entries()) {
        const ratio = together[i]!.length / alone[i]!.length;
        expect(ratio, `${voice.id} ${text}`).toBeGreaterThan(0.8);
        expect(ratio, `${voice.id} ${text}`).toBeLessThan(1.25);
        // The piece cut for word i sounds like word i spoken alone, more than like any other word.
        const d = reference.map((r) => distance(meanLogMel(together[i]!), r));
        expect(d.indexOf(Math.min(...d)), `${voice.id} ${text}: ${d.map((v) => v.toFixed(1)).join(' ')}`).toBe(i);
      }
    }
  });

  it('flite and festival speak each word at 16 kHz, trimmed to the speech', async () => {
    for (const voice of [{ id: 'flite:slt', engine: 'flite', name: 'slt', speaker: 'p' }, { id: 'festival:cmu_us_slt_arctic_hts', engine: 'festival', name: 'cmu_us_slt_arctic_hts', speaker: 'p' }] as Voice[]) {
      const audio = await synthesize(voice, [{ text: 'left', prosody }, { text: 'seven days', prosody: { pitch: 0.5, rate: 0.8 } }], join(root, 'c'));
      expect(audio.length).toBe(2);
      // a word lasts 0.2..1 s; the slower two-word phrase is longer
      expect(audio[0]!.length / 16000, voice.id).toBeGreaterThan(0.2);
      expect(audio[0]!.length / 16000, voice.id).toBeLessThan(1);
      expect(audio[1]!.length, voice.id).toBeGreaterThan(audio[0]!.length);
    }
  });

  it('warps a recorded voice: synthesized slower, played faster, so the word keeps its length but moves up', async () => {
    const voice: Voice = { id: 'flite:awb', engine: 'flite', name: 'awb', speaker: 'p' };
    const [plain, up] = await synthesize(voice, [{ text: 'left', prosody: { pitch: 0.5, rate: 1 } }, { text: 'left', prosody: { pitch: 0.5, rate: 1, warp: 1.15 } }], join(root, 'd'));
    expect(up!.length / plain!.length).toBeGreaterThan(0.9);
    expect(up!.length / plain!.length).toBeLessThan(1.1);
    // The power spectrum's centre of mass below 4 kHz moves up by about the warp.
    const centre = (x: Float32Array): number => {
      const fft = createFftPlan({ size: 32768 });
      const padded = new Float32Array(32768);
      padded.set(x.subarray(0, 32768));
      const power = new Float32Array(fft.bins);
      powerSpectrum(fft, padded, power);
      let num = 0;
      let den = 0;
      for (let k = 1; k < 8192; k++) {
        num += k * power[k]!;
        den += power[k]!;
      }
      return num / den;
    };
    expect(centre(up!) / centre(plain!)).toBeGreaterThan(1.07);
    expect(centre(up!) / centre(plain!)).toBeLessThan(1.25);
  });

  it('writes a festival program that only speaks what it was given', () => {
    expect(festivalScript('kal_diphone', [{ text: 'hey kit', prosody: { pitch: 0.5, rate: 1.25, warp: 1.1 } }], ['/w/0.wav'])).toBe(
      `(begin (voice_kal_diphone) (Parameter.set 'Duration_Stretch 0.8800) (utt.save.wave (utt.synth (Utterance Text "hey kit")) "/w/0.wav" 'riff))`,
    );
  });
});
