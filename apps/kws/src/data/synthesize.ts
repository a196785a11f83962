import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readMono, to16k } from './read-mono.js';
import { speechSpan } from './speech-span.js';
import { changeSpeed } from './speed.js';
import { runSynthesizer } from './run-synthesizer.js';
import { splitAtPauses } from './split-pauses.js';
import type { Voice } from './voices.js';

/** How to say it: relative pitch, speaking rate and vocal-tract warp, drawn per rendition of a voice. */
export interface Prosody {
  /**
   * 0 = lowest .. 1 = highest: espeak-ng pitch 20..80 (50 = the voice's own), flite's intonation target
   * 70..250 Hz (its rms voice ignores it); festival keeps its own pitch.
   */
  readonly pitch: number;
  /** speaking-rate factor: 1 = the voice's default, 1.2 = 20 % faster */
  readonly rate: number;
  /**
   * Vocal-tract warp for the few recorded voices (flite, festival; 1 = none): the word is synthesized
   * `warp` times slower, then played `warp` times faster, which moves its formants and pitch by `warp`
   * at the intended rate, so one recorded person stands in for several.
   */
  readonly warp?: number;
}

/** One utterance to synthesize. */
export interface Utterance {
  readonly text: string;
  readonly prosody: Prosody;
}

/** The synthesizer's output at the kit's rate: mono float samples at 16 kHz, silence around the speech included. */
export const SPEECH_RATE = 16000;

/**
 * Speaks each utterance with one voice and returns 16 kHz mono audio, in order. Every engine runs as a
 * child process writing WAV files into `workDir` (a folder under the dataset being written, removed
 * afterwards); festival speaks the whole list in one process, since its start-up costs more than a word.
 * @example
 * const [audio] = await synthesize(voice, [{ text: 'yes', prosody: { pitch: 0.5, rate: 1 } }], 'out/.work/0');
 */
export async function synthesize(voice: Voice, utterances: readonly Utterance[], workDir: string): Promise<Float32Array[]> {
  await mkdir(workDir, { recursive: true });
  try {
    const files = utterances.map((_, i) => join(workDir, `${i}.wav`));
    if (voice.engine === 'festival') {
      await runSynthesizer('festival', ['--batch', festivalScript(voice.name, utterances, files)]);
      return await Promise.all(files.map(async (file, i) => warped(await readSpoken(file), utterances[i]!.prosody)));
    }
    const out: Float32Array[] = [];
    for (let i = 0; i < utterances.length; ) {
      // espeak-ng speaks one rendition's words (same pitch and rate) in one run, each as a sentence
      // between long pauses: a process per word would cost more than the word.
      let end = i + 1;
      while (voice.engine === 'espeak-ng' && end < utterances.length && sameProsody(utterances[end]!, utterances[i]!)) end++;
      const group = utterances.slice(i, end);
      const pieces = group.length > 1 ? await speakTogether(voice, group, files[i]!) : undefined;
      if (pieces) out.push(...pieces);
      else for (let k = i; k < end; k++) out.push(await speakAlone(voice, utterances[k]!, files[k]!));
      i = end;
    }
    return out;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function speakAlone(voice: Voice, u: Utterance, file: string): Promise<Float32Array> {
  await runSynthesizer(voice.engine, commandArgs(voice, u, file));
  return warped(await readSpoken(file), u.prosody);
}

function warped(audio: Float32Array, p: Prosody): Float32Array {
  return p.warp === undefined || p.warp === 1 ? audio : changeSpeed(audio, p.warp);
}

async function speakTogether(voice: Voice, group: readonly Utterance[], file: string): Promise<Float32Array[] | undefined> {
  const ssml = `<speak>${group.map((u) => `<s>${u.text}</s>`).join(`<break time="${PAUSE_MS}ms"/>`)}</speak>`;
  await runSynthesizer('espeak-ng', ['-m', ...commandArgs(voice, { ...group[0]!, text: ssml }, file)]);
  const { samples, sampleRate } = await readMono(file);
  return splitAtPauses(samples, group.length, sampleRate)?.map((piece) => trimTo16k(piece, sampleRate));
}

async function readSpoken(file: string): Promise<Float32Array> {
  const { samples, sampleRate } = await readMono(file);
  return trimTo16k(samples, sampleRate);
}

/** The speech with 20 ms around it, at 16 kHz: resampling the synthesizer's silence would be wasted. */
function trimTo16k(samples: Float32Array, sampleRate: number): Float32Array {
  const span = speechSpan(samples, sampleRate);
  const margin = Math.round(0.02 * sampleRate);
  return to16k(samples.subarray(Math.max(0, span.start - margin), Math.min(samples.length, span.end + margin)), sampleRate);
}

// Longer than any pause inside a word or phrase, so the cut points are unambiguous.
const PAUSE_MS = 500;

function sameProsody(a: Utterance, b: Utterance): boolean {
  return a.prosody.pitch === b.prosody.pitch && a.prosody.rate === b.prosody.rate && a.prosody.warp === b.prosody.warp;
}

/** Command-line arguments that make espeak-ng or flite write `u` to `file`. */
export function commandArgs(voice: Voice, u: Utterance, file: string): string[] {
  if (voice.engine === 'espeak-ng') {
    // espeak-ng pitch is 0..99 (50 default), rate in words per minute (175 default).
    const pitch = Math.round(20 + 60 * u.prosody.pitch);
    const wpm = Math.round(175 * u.prosody.rate);
    return ['-v', voice.name, '-p', String(pitch), '-s', String(wpm), '-w', file, u.text];
  }
  const f0 = Math.round(70 + 180 * u.prosody.pitch);
  return ['-voice', voice.name, '--setf', `duration_stretch=${stretch(u.prosody)}`, '--setf', `int_f0_target_mean=${f0}`, '-t', u.text, '-o', file];
}

function stretch(p: Prosody): string {
  return ((p.warp ?? 1) / p.rate).toFixed(4);
}

/** A festival batch program (one S-expression string) that writes every utterance to its file. */
export function festivalScript(voiceName: string, utterances: readonly Utterance[], files: readonly string[]): string {
  // Texts are letters, apostrophes and spaces only (requirePhrase), so they need no escaping inside "...".
  const lines = [`(voice_${voiceName})`];
  utterances.forEach((u, i) => {
    lines.push(`(Parameter.set 'Duration_Stretch ${stretch(u.prosody)})`);
    lines.push(`(utt.save.wave (utt.synth (Utterance Text "${u.text}")) "${files[i]}" 'riff)`);
  });
  return `(begin ${lines.join(' ')})`;
}
